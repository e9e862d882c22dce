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
