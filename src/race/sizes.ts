import type { BenchCase } from '../bench/cases.ts';

/**
 * The race's sizes: the sequence lengths T to sweep and the model widths (d, heads) to race at.
 * The default sweep is short so it finishes in seconds on a slow machine; GPT-2 small is the
 * default width (d = 768, 12 heads of 64), smaller ones keep the slow loop nests quick.
 */
export const T_CHOICES = [16, 32, 64, 128, 256, 512, 1024] as const;
export type RaceT = (typeof T_CHOICES)[number];

export interface RaceWidth {
  d: number;
  heads: number;
}

export const WIDTHS: readonly RaceWidth[] = [
  { d: 768, heads: 12 },
  { d: 256, heads: 4 },
  { d: 64, heads: 4 },
];

export const DEFAULT_SIZES: RaceT[] = [64, 128, 256];
export const DEFAULT_D = 768;

export function widthOf(d: number): RaceWidth {
  return WIDTHS.find((w) => w.d === d) ?? WIDTHS[0];
}

/** One causal multi-head attention forward of the race (batch 1, no bias, no dropout). */
export interface RaceCase {
  T: number;
  d: number;
  heads: number;
}

/** The race's case as the benchmark's: the same input, weights and flop count as `npm run bench`. */
export function benchCaseOf(c: RaceCase): BenchCase {
  return { name: `T=${c.T} d=${c.d} h=${c.heads}`, T: c.T, d_in: c.d, d_out: c.d, heads: c.heads };
}
