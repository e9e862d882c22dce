import type { Tensor } from '../../tensor/tensor.ts';
import { blockCausal } from '../graph/blocked.ts';
import { buildGraph } from '../graph/build.ts';
import { emitOnnx } from './emit.ts';
import { structureOf } from './graph.ts';

/** The benchmark's multi-head attention: `mha` forward, output only, exact float32. */
export interface FastMhaSpec {
  T: number;
  d_in: number;
  /** Total width (heads × head_dim), as `mha`'s d_out. */
  d_out: number;
  heads: number;
  causal: boolean;
  /** Default 1. */
  batch?: number;
  /** Bias in the Q/K/V projections (out_proj always has one); default false, as the chapter. */
  qkv_bias?: boolean;
  /** Query blocks for causal attention; default min(8, T). Ignored when not causal. */
  blocks?: number;
}

/** The weights in the trace's names and `x @ W` layout (`drawParams(...).named` for `mha`). */
export type FastMhaWeights = Record<string, Tensor>;

/** The `mha` graph, rewritten into query blocks when causal (see blockCausal). */
function fastGraph(spec: FastMhaSpec) {
  if (spec.d_out % spec.heads !== 0) {
    throw new Error(`d_out ${spec.d_out} is not divisible by ${spec.heads} heads`);
  }
  const graph = buildGraph(
    structureOf({
      variant: 'mha',
      batch: spec.batch ?? 1,
      t: spec.T,
      dIn: spec.d_in,
      dOut: spec.d_out,
      heads: spec.heads,
      kvGroups: null,
      qkvBias: spec.qkv_bias ?? false,
      causal: spec.causal,
      scaled: true,
      dropout: false,
      softmax: 'stable',
      padding: false,
      maskFill: '-inf',
    }),
  );
  if (!spec.causal) return graph;
  return blockCausal(graph, blockSizes(spec.T, spec.blocks ?? Math.min(8, spec.T)));
}

/** Names of the weights the graph needs, in the order the graph declares them. */
export function fastMhaWeightNames(spec: FastMhaSpec): string[] {
  return fastGraph(spec)
    .nodes.filter((n) => n.op === 'param')
    .map((n) => n.name);
}

/**
 * Causal MHA for speed: the engine's `mha` graph after the blocked-causal rewrite, output only.
 * Weights are graph inputs under their trace names by default (one session serves any seed and
 * the model stays small); passing `weights` bakes them in as initializers instead, which lets
 * ORT pre-pack the constant MatMul operands (the benchmark compares the two).
 */
export function buildFastMhaGraph(spec: FastMhaSpec, weights?: FastMhaWeights): Uint8Array {
  return emitOnnx(fastGraph(spec), { name: 'fast_mha', outputs: ['output'], weights });
}

/** `count` block sizes summing to t, the larger ones first (differing by at most one). */
export function blockSizes(t: number, count: number): number[] {
  const n = Math.max(1, Math.min(count, t));
  const base = Math.floor(t / n);
  return Array.from({ length: n }, (_, i) => base + (i < t % n ? 1 : 0));
}
