import { thumbSize } from './thumbnails.ts';

/**
 * Per-head summaries of causal attention weights [heads, T, T]: how spread out each head's
 * attention is (mean entropy of a row, in nats; 0 = looks at one token) and how far back it
 * looks (mean over queries of Σ_j w_ij · (i − j), in tokens); and the grid's thumbnails.
 */
export interface HeadMaps {
  entropy: number[];
  lookback: number[];
  /** [heads, S, S], S = thumbSize(T): each pixel the largest weight it covers (thumbnails.ts). */
  thumbs: Float32Array;
}

/**
 * Everything the step derives from the T × T maps, in one pass over the lower triangle (at
 * T = 1,024 that is 6.3 M weights: one read each, not one per summary). The entropy takes no
 * logarithm per weight: with u = attn_scores ÷ div the softmax input and w = softmax(u),
 * log w_j = u_j − LSE, so −Σ w log w = LSE·Σ w − Σ w_j u_j, and LSE = u_k − log w_k at the
 * row's largest weight (one logarithm a row, where w_k is best resolved).
 */
export function headMaps(
  attn_scores: Float32Array,
  attn_weights: Float32Array,
  heads: number,
  t: number,
  div: number,
): HeadMaps {
  const s = thumbSize(t);
  const thumbs = new Float32Array(heads * s * s);
  // Thumbnail column b covers keys [first[b], first[b + 1]): the j with ⌊j·S/T⌋ = b.
  const first = Int32Array.from({ length: s + 1 }, (_, b) => Math.floor((b * t + s - 1) / s));
  const entropy: number[] = [];
  const lookback: number[] = [];
  for (let h = 0; h < heads; h++) {
    let e = 0;
    let back = 0;
    for (let i = 0; i < t; i++) {
      const row = h * t * t + i * t;
      const o = h * s * s + Math.floor((i * s) / t) * s;
      let sum = 0;
      let wu = 0;
      let wj = 0;
      let best = 0;
      let bestW = -1;
      for (let b = 0; b < s && first[b] <= i; b++) {
        const end = Math.min(first[b + 1], i + 1);
        let m = thumbs[o + b];
        for (let j = first[b]; j < end; j++) {
          const w = attn_weights[row + j];
          sum += w;
          wu += w * attn_scores[row + j];
          wj += w * j;
          if (w > m) m = w;
          if (w > bestW) {
            bestW = w;
            best = j;
          }
        }
        thumbs[o + b] = m;
      }
      if (bestW > 0) e += (attn_scores[row + best] / div - Math.log(bestW)) * sum - wu / div;
      back += i * sum - wj;
    }
    entropy.push(t > 0 ? Math.max(0, e / t) : 0);
    lookback.push(t > 0 ? back / t : 0);
  }
  return { entropy, lookback, thumbs };
}
