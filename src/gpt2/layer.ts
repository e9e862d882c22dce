import { linear } from '../tensor/matmul.ts';
import type { MhaWeights } from './embeddings.ts';
import { EMB_DIM, HEAD_DIM, NUM_HEADS } from './sizes.ts';

/** What one forward pass of the GPT-2-sized causal MultiHeadAttention keeps. */
export interface LayerResult {
  t: number;
  /**
   * [heads, T, T] attn_scores = q·kᵀ before the mask and the ÷ √d_k (only j ≤ i is read: what
   * lies above the diagonal is unspecified). The head summaries get each row's entropy from them.
   */
  attn_scores: Float32Array;
  /** [heads, T, T], zero above the diagonal (the causal mask's weights are exactly 0). */
  attn_weights: Float32Array;
  /** [T, 768]: the layer's output, `out_proj(context_vec)`, as the chapter's mha returns it. */
  context_vecs: Float32Array;
}

/**
 * The chapter's MultiHeadAttention forward (causal, dropout 0) on x [T, 768]. Only the lower
 * triangle of each head's scores is computed: above it the mask makes every weight 0, which
 * halves the work against the engine's general path at T = 1,024. Sums run in float64 and are
 * rounded to float32 once, like the engine's kernels.
 */
export function causalMha(x: Float32Array, t: number, w: MhaWeights): LayerResult {
  const q = linear(x, w.W_query.weight, null, t, EMB_DIM, EMB_DIM);
  const k = linear(x, w.W_key.weight, null, t, EMB_DIM, EMB_DIM);
  const v = linear(x, w.W_value.weight, null, t, EMB_DIM, EMB_DIM);
  const weights = new Float32Array(NUM_HEADS * t * t);
  const raw = new Float32Array(NUM_HEADS * t * t);
  const context = new Float32Array(t * EMB_DIM);
  const scores = new Float64Array(t);
  const scale = Math.sqrt(HEAD_DIM);
  const acc = new Float64Array(HEAD_DIM);
  for (let h = 0; h < NUM_HEADS; h++) {
    const off = h * HEAD_DIM;
    for (let i = 0; i < t; i++) {
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
      for (let d = 0; d < HEAD_DIM; d++) context[qi + d] = acc[d];
    }
  }
  const out = w.out_proj;
  return {
    t,
    attn_scores: raw,
    attn_weights: weights,
    context_vecs: linear(context, out.weight, out.bias, t, EMB_DIM, EMB_DIM),
  };
}
