import { shadeRows, thumbSize } from './thumbnails.ts';

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
  /** [heads, S, S]: each thumbnail pixel's colour index, 0 … 255 (`shadeRows`): what the page draws. */
  shades: Uint8Array;
  /** [heads, T]: each row's entropy and look-back, kept so an edit recomputes only its rows. */
  rowEntropy: Float64Array;
  rowBack: Float64Array;
}

/** What the kernels computed beside the weights (kernel-layer.ts), where they did. */
export interface KernelSummaries {
  /** [heads, T, 2]: each row's entropy and mean key index, current for the rows from `from` on. */
  stats?: Float32Array | null;
  /** [heads, S, S]: every head's thumbnail of block maxima, current for every row. */
  thumbs?: Float32Array | null;
}

/**
 * Everything the step derives from the T × T maps, in one pass over the lower triangle (at
 * T = 1,024 that is 6.3 M weights: one read each, not one per summary). The entropy is
 * −Σ w log w over each row, in float64 (a weight of 0 adds 0): from the weights alone, so the
 * kernels need not keep the scores (50 MB at T = 1,024) — one logarithm a weight, ~50 ms there.
 *
 * With `prev` (the maps of the same T before an edit) only the rows from `from` on changed:
 * the rest of `prev` is reused, and its arrays are updated in place. What `kernel` gives is
 * taken instead of computed: the rows' stats (no logarithm a weight) and the thumbnails (no
 * pass over the weights); with both, the weights are not read at all.
 */
export function headMaps(
  attn_weights: Float32Array,
  heads: number,
  t: number,
  prev: HeadMaps | null = null,
  from = 0,
  kernel: KernelSummaries = {},
): HeadMaps {
  const s = thumbSize(t);
  const reuse = prev !== null && prev.rowEntropy.length === heads * t && from > 0;
  // Thumbnail column b covers keys [first[b], first[b + 1]): the j with ⌊j·S/T⌋ = b.
  const first = Int32Array.from({ length: s + 1 }, (_, b) => Math.floor((b * t + s - 1) / s));
  // The first thumbnail row an edit at `from` touches, and the first token row it covers.
  const a0 = reuse ? Math.floor((from * s) / t) : 0;
  const i0 = first[a0];
  const stats = kernel.stats ?? null;
  const made = kernel.thumbs?.length === heads * s * s ? kernel.thumbs : null;
  const thumbs = reuse ? prev.thumbs : new Float32Array(heads * s * s);
  const shades = reuse ? prev.shades : new Uint8Array(heads * s * s);
  const rowEntropy = reuse ? prev.rowEntropy : new Float64Array(heads * t);
  const rowBack = reuse ? prev.rowBack : new Float64Array(heads * t);
  for (let h = 0; h < heads; h++) {
    if (!made) thumbs.fill(0, h * s * s + a0 * s, (h + 1) * s * s);
    for (let i = i0; i < t; i++) {
      const row = h * t * t + i * t;
      const o = h * s * s + Math.floor((i * s) / t) * s;
      const given = stats !== null && i >= from;
      if (given) {
        const k = (h * t + i) * 2;
        rowEntropy[h * t + i] = stats[k];
        rowBack[h * t + i] = i - stats[k + 1];
      }
      // A row before the edit keeps its entropy and look-back (`prev`'s).
      if (given || (reuse && i < from)) {
        if (made) continue;
        for (let b = 0; b < s && first[b] <= i; b++) {
          const end = Math.min(first[b + 1], i + 1);
          let m = thumbs[o + b];
          for (let j = first[b]; j < end; j++)
            if (attn_weights[row + j] > m) m = attn_weights[row + j];
          thumbs[o + b] = m;
        }
        continue;
      }
      let sum = 0;
      let wlogw = 0;
      let wj = 0;
      for (let b = 0; b < s && first[b] <= i; b++) {
        const end = Math.min(first[b + 1], i + 1);
        let m = made ? 0 : thumbs[o + b];
        for (let j = first[b]; j < end; j++) {
          const w = attn_weights[row + j];
          sum += w;
          if (w > 0) wlogw += w * Math.log(w);
          wj += w * j;
          if (w > m) m = w;
        }
        if (!made) thumbs[o + b] = m;
      }
      rowEntropy[h * t + i] = Math.max(0, -wlogw);
      rowBack[h * t + i] = i * sum - wj;
    }
  }
  if (made) thumbs.set(made);
  shadeRows(thumbs, shades, heads, s, a0);
  const mean = (rows: Float64Array, h: number) => {
    let total = 0;
    for (let i = 0; i < t; i++) total += rows[h * t + i];
    return t > 0 ? total / t : 0;
  };
  const entropy = Array.from({ length: heads }, (_, h) => mean(rowEntropy, h));
  const lookback = Array.from({ length: heads }, (_, h) => mean(rowBack, h));
  return { entropy, lookback, thumbs, shades, rowEntropy, rowBack };
}
