import type { Tensor } from '../../tensor/tensor.ts';
import { causalMask } from './graph.ts';
import { GraphBuilder } from './graph-builder.ts';

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

const QKV = ['W_query', 'W_key', 'W_value'] as const;

/** Names of the weights the graph needs, in the order the graph declares them. */
export function fastMhaWeightNames(spec: FastMhaSpec): string[] {
  const qkv = QKV.flatMap((n) => (spec.qkv_bias ? [n, `${n}.bias`] : [n]));
  return [...qkv, 'out_proj', 'out_proj.bias'];
}

/**
 * Causal MHA for speed. Queries are split into blocks of rows; block [s, e) is matched only
 * against keys 0..e−1 with its own constant mask, so about half of the T×T scores and
 * softmax work (and of attn @ V) is never computed — the rest of the chapter's pipeline is
 * unchanged (mask with −∞, divide by the float32 √hd, softmax, @ V), so the output stays
 * within float32 rounding of the reference.
 *
 * Weights are graph inputs under their trace names by default: one session then serves any
 * seed and the model stays small (0.6 MB instead of 10 MB at d = 768). Passing `weights` bakes
 * them in as initializers instead, which lets ORT pre-pack the constant MatMul operands; at
 * T = 1024, d = 768, 12 heads (Node, WASM, 1 and 2 threads) that measured no faster than
 * feeding them (277 vs 280 ms, 185 vs 182 ms, interleaved medians), so it is only an option.
 */
export function buildFastMhaGraph(spec: FastMhaSpec, weights?: FastMhaWeights): Uint8Array {
  const { T: t, d_in: dIn, d_out: dOut, heads: h } = spec;
  const b = spec.batch ?? 1;
  const hd = dOut / h;
  if (!Number.isInteger(hd)) throw new Error(`d_out ${dOut} is not divisible by ${h} heads`);
  const g = new GraphBuilder('fast_mha');
  const x = g.input('x', [b, t, dIn]);
  const param = (name: string, dims: number[]) => {
    if (!weights) return g.input(name, dims);
    const w = weights[name];
    if (!w) throw new Error(`missing weight ${name}`);
    return g.constant(name, { type: 'float32', dims, data: w.data });
  };
  const project = (input: string, name: string, rows: number, cols: number, bias: boolean) => {
    const y = g.node('MatMul', [input, param(name, [rows, cols])]);
    return bias ? g.node('Add', [y, param(`${name}.bias`, [cols])]) : y;
  };

  const split = g.ints('split_shape', [b, t, h, hd]);
  /** Projection, view(b, T, h, hd), then `perm` to the layout the attention products want. */
  const heads = (name: string, perm: number[]) => {
    const y = project(x, name, dIn, dOut, !!spec.qkv_bias);
    return g.node('Transpose', [g.node('Reshape', [y, split])], { perm: { ints: perm } });
  };
  const queries = heads('W_query', [0, 2, 1, 3]); // [b, h, T, hd]
  const keys = heads('W_key', [0, 2, 1, 3]); // [b, h, T, hd]
  const values = heads('W_value', [0, 2, 1, 3]); // [b, h, T, hd]

  const sqrtHd = g.float('sqrt_hd', Math.fround(Math.sqrt(hd)));
  const negInf = spec.causal ? g.float('neg_inf', -Infinity) : '';
  const sizes = blockSizes(t, spec.causal ? (spec.blocks ?? Math.min(8, t)) : 1);
  const slice = (input: string, from: number, to: number, axis: number) =>
    g.node('Slice', [input, g.ints('start', [from]), g.ints('end', [to]), g.ints('axis', [axis])]);
  const contexts: string[] = [];
  let start = 0;
  sizes.forEach((rows) => {
    const end = spec.causal ? start + rows : t;
    const visible = (input: string, axis: number) =>
      end === t ? input : slice(input, 0, end, axis);
    // One Slice per block rather than one Split: see GraphBuilder.concat for why.
    const queryBlock = rows === t ? queries : slice(queries, start, end, 2);
    // Slice the visible keys along T, then transpose, rather than slicing keys transposed once
    // to [b, h, hd, T] along their last axis: both are exact on WASM and WebGPU (the wrong
    // WebGPU output once blamed on that Slice came from Split/Concat, see MAX_CONCAT_INPUTS in graph-builder.ts),
    // and this one measured a little faster on WASM (T = 1024, d = 768, 12 heads, median of 5
    // page runs: 274 vs 282 ms on 1 thread, 171 vs 218 ms on 2).
    const keysT = g.node('Transpose', [visible(keys, 2)], { perm: { ints: [0, 1, 3, 2] } });
    let scores = g.node('MatMul', [queryBlock, keysT]); // [b, h, rows, end]
    if (spec.causal) {
      const mask = g.constant('block_mask', causalMask(rows, end, start));
      scores = g.node('Where', [mask, negInf, scores]);
    }
    const weightsBlock = g.node('Softmax', [g.node('Div', [scores, sqrtHd])], { axis: { i: -1 } });
    contexts.push(g.node('MatMul', [weightsBlock, visible(values, 2)])); // [b, h, rows, hd]
    start += rows;
  });
  const context = g.concat(contexts, 2);
  const merged = g.node('Reshape', [
    g.node('Transpose', [context], { perm: { ints: [0, 2, 1, 3] } }),
    g.ints('merge_shape', [b, t, dOut]),
  ]);
  const y = g.node('MatMul', [merged, param('out_proj', [dOut, dOut])]);
  g.node('Add', [y, param('out_proj.bias', [dOut])], undefined, 'output');
  g.output('output', [b, t, dOut]);
  return g.toModel();
}

/** `count` block sizes summing to t, the larger ones first (differing by at most one). */
export function blockSizes(t: number, count: number): number[] {
  const n = Math.max(1, Math.min(count, t));
  const base = Math.floor(t / n);
  return Array.from({ length: n }, (_, i) => base + (i < t % n ? 1 : 0));
}
