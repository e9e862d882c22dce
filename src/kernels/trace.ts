/**
 * A full trace (every named intermediate) computed on the kernels. The fast path, `KernelMha`,
 * takes the big forward passes of v2, causal and mha (x@Wᵀ projections, (causal) attention per
 * head on the team's threads, an optional out_proj); every other config (grouped queries,
 * dropout, the naive softmax, the KV cache, padding masks, training and its gradients) runs the
 * engine's graph on the kernel op set (`KernelGraphOps`).
 */
import type { AttentionConfig } from '../engine/config.ts';
import { drawModel } from '../engine/draws.ts';
import type { OpSet } from '../engine/graph/op-set.ts';
import type { ModelParams } from '../engine/params.ts';
import { forward } from '../engine/run.ts';
import type { Trace } from '../engine/trace.ts';
import { runTraining } from '../engine/train/train.ts';
import { splitHeads } from '../tensor/heads.ts';
import { maskAboveDiagonal } from '../tensor/mask.ts';
import { transpose } from '../tensor/matmul.ts';
import { tensor } from '../tensor/tensor.ts';
import type { KernelMha, MhaShape, MhaWeights } from './mha.ts';

/** Why the fast path does not take this config (the graph path does), or null when it does. */
export function fastPathMiss(config: AttentionConfig): string | null {
  if (config.target) return 'training runs forward and backward on the graph';
  if (!['v2', 'causal', 'mha'].includes(config.variant))
    return `the ${config.variant} variant runs on the graph`;
  if (config.training && config.dropout > 0) return 'dropout runs on the graph';
  if (config.softmax !== 'stable') return 'the naive softmax runs on the graph';
  // The fast path computes the full pass only: no per-token calls, no padding mask.
  if (config.kv_cache) return 'the KV cache runs on the graph';
  if (config.attention_mask) return 'padding masks run on the graph';
  return null;
}

const asWeights = new WeakMap<ModelParams, MhaWeights>();

/** The drawn weights as the kernels take them (the same object for the same draws). */
export function mhaWeights(params: ModelParams): MhaWeights {
  const known = asWeights.get(params);
  if (known) return known;
  const named = params.named;
  // The kernels take torch's [out, in] layout; the trace keeps the chapter's x @ W [in, out].
  const torchLayout = (name: string) => {
    const t = named[name];
    return t ? transpose(t.data, t.shape[0], t.shape[1]) : null;
  };
  const bias = (name: string) => named[`${name}.bias`]?.data ?? null;
  const w: MhaWeights = {
    W_query: torchLayout('W_query') as Float32Array,
    W_key: torchLayout('W_key') as Float32Array,
    W_value: torchLayout('W_value') as Float32Array,
    b_query: bias('W_query'),
    b_key: bias('W_key'),
    b_value: bias('W_value'),
    out_proj: named.out_proj
      ? { weight: torchLayout('out_proj') as Float32Array, bias: bias('out_proj') }
      : null,
  };
  asWeights.set(params, w);
  return w;
}

export function shapeOf(config: AttentionConfig, full: boolean): MhaShape {
  return {
    batch: config.batch,
    t: config.embeddings.length,
    dIn: config.embeddings[0].length,
    dOut: config.d_out,
    heads: config.variant === 'mha' ? config.num_heads : 1,
    causal: config.causal,
    scaled: config.scaled,
    full,
  };
}

/** The input rows: the embeddings repeated for each batch entry, as the reference engine does. */
export function inputOf(config: AttentionConfig): Float32Array {
  const row = Float32Array.from(config.embeddings.flat());
  const x = new Float32Array(config.batch * row.length);
  for (let b = 0; b < config.batch; b++) x.set(row, b * row.length);
  return x;
}

/**
 * The trace of `config` on the kernels: the fast path when it takes the config, else the graph
 * on `graph` (the kernel op set), training included.
 */
export function kernelTrace(mha: KernelMha, config: AttentionConfig, graph?: OpSet): Trace {
  const miss = fastPathMiss(config);
  if (miss === null) return fastTrace(mha, config);
  if (!graph) throw new Error(`${miss}: no kernel op set given`);
  return config.target ? runTraining(config, graph) : forward(config, { ops: graph });
}

function fastTrace(mha: KernelMha, config: AttentionConfig): Trace {
  const { params } = drawModel(config);
  const shape = shapeOf(config, true);
  mha.forward(shape, mhaWeights(params), inputOf(config));
  const { batch: b, heads: h, t, dOut } = shape;
  const hd = dOut / h;
  const split = (x: Float32Array) => splitHeads(x, b, t, h, hd);
  const scores = mha.view('scores').slice();
  const weights = mha.view('weights').slice();
  const ctx = mha.view('ctx').slice();
  const blockShape = [b, h, t, t];
  const headShape = [b, h, t, hd];
  return {
    config,
    params: params.named,
    scale: config.scaled ? 1 / Math.sqrt(hd) : 1,
    queries: tensor(headShape, split(mha.view('q'))),
    keys: tensor(headShape, split(mha.view('k'))),
    values: tensor(headShape, split(mha.view('v'))),
    attn_scores: tensor(blockShape, scores),
    masked_scores: tensor(
      blockShape,
      config.causal ? maskAboveDiagonal(scores, t, Number.NEGATIVE_INFINITY) : scores.slice(),
    ),
    attn_weights: tensor(blockShape, weights),
    dropout_mask: null,
    attn_weights_dropped: tensor(blockShape, weights),
    context: tensor(headShape, split(ctx)),
    ...(params.named.out_proj ? { context_concat: tensor([b, t, dOut], ctx) } : {}),
    output: tensor([b, t, dOut], params.named.out_proj ? mha.view('out').slice() : ctx.slice()),
  };
}
