/** Largest side of a head's thumbnail in the grid: one pixel per cell up to this many tokens. */
export const THUMB_MAX = 128;

export function thumbSize(t: number): number {
  return Math.min(t, THUMB_MAX);
}

/**
 * Each head's T × T weight map shrunk to S × S (S = min(T, 128)) by taking the largest weight a
 * thumbnail pixel covers, so a sharp diagonal or a single bright key survives the shrinking; at
 * T ≤ 128 it is the map itself. This is what the grid draws: 12 × 128² values instead of
 * 12 × 1,024² (the page never receives heads it does not draw at full size).
 */
export function headThumbnails(weights: Float32Array, heads: number, t: number): Float32Array {
  const s = thumbSize(t);
  const out = new Float32Array(heads * s * s);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < t; i++) {
      const a = Math.floor((i * s) / t);
      const row = h * t * t + i * t;
      const o = h * s * s + a * s;
      for (let j = 0; j <= i; j++) {
        const b = Math.floor((j * s) / t);
        const w = weights[row + j];
        if (w > out[o + b]) out[o + b] = w;
      }
    }
  }
  return out;
}
