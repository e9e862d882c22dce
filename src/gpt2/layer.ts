import { linear } from '../tensor/matmul.ts';
import type { MhaWeights } from './embeddings.ts';
import { EMB_DIM, HEAD_DIM, NUM_HEADS } from './sizes.ts';

/** What one forward pass of the GPT-2-sized causal MultiHeadAttention keeps. */
export interface LayerResult {
  t: number;
  /** [T, 768] each: the projections, and context_vec before out_proj (heads side by side). */
  q: Float32Array;
  k: Float32Array;
  v: Float32Array;
  ctx: Float32Array;
  /**
   * [heads, T, T] attn_scores = q·kᵀ before the mask and the ÷ √d_k (only j ≤ i is read: what
   * lies above the diagonal is unspecified); empty where the kernels computed the layer (they
   * keep the weights only). Nothing the step draws reads them.
   */
  attn_scores: Float32Array;
  /** [heads, T, T], zero above the diagonal (the causal mask's weights are exactly 0). */
  attn_weights: Float32Array;
  /** [T, 768]: the layer's output, `out_proj(context_vec)`, as the chapter's mha returns it. */
  context_vecs: Float32Array;
  /**
   * Where the kernels computed the layer: [heads, T, 2], each attention row's entropy (nats)
   * and mean key index Σ w_j·j, from their softmax; after an edit (`extend` from row `from`) only
   * the rows from `from` on are current. Absent from the reference layer (head-summary.ts then
   * takes them from the weights).
   */
  row_stats?: Float32Array;
  /**
   * Where the kernels computed the layer: [heads, S, S], each head's thumbnail of block maxima
   * (S = thumbSize(T), see thumbnails.ts), current for every row. Absent from the reference layer.
   */
  thumbs?: Float32Array;
}

/**
 * The chapter's MultiHeadAttention forward (causal, dropout 0) on x [T, 768]. Only the lower
 * triangle of each head's scores is computed: above it the mask makes every weight 0, which
 * halves the work against the engine's general path at T = 1,024. Sums run in float64 and are
 * rounded to float32 once, like the engine's kernels.
 */
export function causalMha(x: Float32Array, t: number, w: MhaWeights): LayerResult {
  const blank = (n: number) => new Float32Array(n);
  const layer: LayerResult = {
    t,
    q: blank(t * EMB_DIM),
    k: blank(t * EMB_DIM),
    v: blank(t * EMB_DIM),
    ctx: blank(t * EMB_DIM),
    attn_scores: blank(NUM_HEADS * t * t),
    attn_weights: blank(NUM_HEADS * t * t),
    context_vecs: blank(t * EMB_DIM),
  };
  rowsFrom(layer, x, 0, w);
  return layer;
}

/**
 * The layer on a text whose first `from` tokens are those of `prev`'s: causal attention makes
 * their rows of every tensor the same (a token sees only the ones before it), so only the rows
 * from `from` on are computed. `x` holds the input rows from `from` on, [T − from, 768]. With
 * the same T, `prev`'s tensors are updated in place (they may be the kernels' memory).
 */
export function extendLayer(
  prev: LayerResult,
  x: Float32Array,
  t: number,
  from: number,
  w: MhaWeights,
): LayerResult {
  if (prev.t === t) {
    rowsFrom(prev, x, from, w);
    return prev;
  }
  const keep = (a: Float32Array) => {
    const out = new Float32Array(t * EMB_DIM);
    out.set(a.subarray(0, from * EMB_DIM));
    return out;
  };
  const square = (a: Float32Array) => {
    const out = new Float32Array(NUM_HEADS * t * t);
    for (let h = 0; h < NUM_HEADS; h++)
      for (let i = 0; i < from; i++) {
        const row = h * prev.t * prev.t + i * prev.t;
        out.set(a.subarray(row, row + i + 1), h * t * t + i * t);
      }
    return out;
  };
  const layer: LayerResult = {
    t,
    q: keep(prev.q),
    k: keep(prev.k),
    v: keep(prev.v),
    ctx: keep(prev.ctx),
    attn_scores: square(prev.attn_scores),
    attn_weights: square(prev.attn_weights),
    context_vecs: keep(prev.context_vecs),
  };
  rowsFrom(layer, x, from, w);
  return layer;
}

/** Rows from..T−1 of every tensor of `layer`, from x rows [T − from, 768]; rows before stay. */
function rowsFrom(layer: LayerResult, x: Float32Array, from: number, w: MhaWeights): void {
  const { t, q, k, v, ctx } = layer;
  const n = t - from;
  const at = from * EMB_DIM;
  q.set(linear(x, w.W_query.weight, null, n, EMB_DIM, EMB_DIM), at);
  k.set(linear(x, w.W_key.weight, null, n, EMB_DIM, EMB_DIM), at);
  v.set(linear(x, w.W_value.weight, null, n, EMB_DIM, EMB_DIM), at);
  const weights = layer.attn_weights;
  const raw = layer.attn_scores;
  const scores = new Float64Array(t);
  const scale = Math.sqrt(HEAD_DIM);
  const acc = new Float64Array(HEAD_DIM);
  for (let h = 0; h < NUM_HEADS; h++) {
    const off = h * HEAD_DIM;
    for (let i = from; i < t; i++) {
      const qi = i * EMB_DIM + off;
      const row = h * t * t + i * t;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j <= i; j++) {
        const kj = j * EMB_DIM + off;
        let s = 0;
        for (let d = 0; d < HEAD_DIM; d++) s += q[qi + d] * k[kj + d];
        // attn_scores in float32, then divided by √d_k in float32 as the chapter does
        raw[row + j] = s;
        const scaled = Math.fround(raw[row + j] / scale);
        scores[j] = scaled;
        if (scaled > max) max = scaled;
      }
      let sum = 0;
      for (let j = 0; j <= i; j++) {
        scores[j] = Math.exp(scores[j] - max);
        sum += scores[j];
      }
      acc.fill(0);
      for (let j = 0; j <= i; j++) {
        const wij = Math.fround(scores[j] / sum);
        weights[row + j] = wij;
        const vj = j * EMB_DIM + off;
        for (let d = 0; d < HEAD_DIM; d++) acc[d] += wij * v[vj + d];
      }
      for (let d = 0; d < HEAD_DIM; d++) ctx[qi + d] = acc[d];
    }
  }
  const out = w.out_proj;
  const rows = ctx.subarray(at, t * EMB_DIM);
  layer.context_vecs.set(linear(rows, out.weight, out.bias, n, EMB_DIM, EMB_DIM), at);
}
