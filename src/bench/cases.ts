/** The benchmark's sizes: the book, then up to a GPT-2-small attention layer at T = 1024. */
export interface BenchCase {
  name: string;
  T: number;
  /** Embedding width d_in = d_out (the book: d_in 3, d_out 2). */
  d_in: number;
  d_out: number;
  heads: number;
}

export const BENCH_CASES: BenchCase[] = [
  { name: 'book T=6 d=3 h=2', T: 6, d_in: 3, d_out: 2, heads: 2 },
  { name: 'T=128 d=64 h=4', T: 128, d_in: 64, d_out: 64, heads: 4 },
  { name: 'T=256 d=768 h=12', T: 256, d_in: 768, d_out: 768, heads: 12 },
  { name: 'T=1024 d=768 h=12', T: 1024, d_in: 768, d_out: 768, heads: 12 },
];

/**
 * Floating-point operations of one causal `mha` forward, counted as dense (the causal half is
 * counted too, as is usual, so GFLOP/s compare across implementations that skip it or not):
 * three projections and out_proj (2·T·d_in·d_out each, out_proj 2·T·d_out²), then q·kᵀ and
 * weights·v (2·T²·d_out each).
 */
export function flopsOf(c: BenchCase): number {
  return 2 * c.T * c.d_in * c.d_out * 3 + 2 * c.T * c.d_out * c.d_out + 4 * c.T * c.T * c.d_out;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
