/** Largest side of a head's thumbnail in the grid: one pixel per cell up to this many tokens. */
export const THUMB_MAX = 128;

/**
 * Side S of each head's thumbnail: its T × T weight map shrunk to S × S (S = min(T, 128)) by
 * taking the largest weight a pixel covers, so a sharp diagonal or a single bright key survives
 * the shrinking; at T ≤ 128 it is the map itself (made in head-summary.ts's one pass). This is
 * what the grid draws: 12 × 128² values instead of 12 × 1,024² (the page never receives heads it
 * does not draw at full size).
 */
export function thumbSize(t: number): number {
  return Math.min(t, THUMB_MAX);
}

/** Weights are shown on a log scale from 10⁻⁴ to 1: at T = 1,024 most weights are near 1/T. */
const LOG_FLOOR = -4;

/** Where a weight falls on that scale, 0 … 1 (0 at or below 10⁻⁴, and for a weight of 0). */
function weightShade(w: number): number {
  if (w <= 0) return 0;
  const t = (Math.log10(w) - LOG_FLOOR) / -LOG_FLOOR;
  return Math.max(0, Math.min(1, t));
}

/** A weight's index 0 … 255 into the colour ramp (the grid's and the open head's pixels). */
export function shadeIndex(w: number): number {
  return Math.round(weightShade(w) * 255);
}

/**
 * The thumbnails as the grid draws them: each pixel's index 0 … 255 into the colour ramp, for
 * rows `a0` on of every head's S × S thumbnail (the rows an edit changed). One byte a pixel is
 * what crosses to the page, and the page looks colours up without a logarithm.
 */
export function shadeRows(
  thumbs: Float32Array,
  shades: Uint8Array,
  heads: number,
  s: number,
  a0: number,
): void {
  for (let h = 0; h < heads; h++)
    for (let k = h * s * s + a0 * s; k < (h + 1) * s * s; k++) shades[k] = shadeIndex(thumbs[k]);
}
