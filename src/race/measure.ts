/** Timing one implementation at one size, and how far its output is from the reference's. */
import { median } from '../bench/cases.ts';

export interface Timing {
  median_ms: number;
  runs: number;
  out: Float32Array;
}

export interface MeasureOptions {
  /** Timed runs at most (after one warm-up). */
  runs: number;
  /** Stop adding runs once the timed ones took this long (at least one always runs). */
  budgetMs: number;
}

export const MEASURE: MeasureOptions = { runs: 5, budgetMs: 1000 };

/** The median of a few timed passes after a warm-up (compiles, allocates, fills caches). */
export async function measure(
  once: () => Promise<Float32Array>,
  opts: MeasureOptions = MEASURE,
  now: () => number = () => performance.now(),
): Promise<Timing> {
  let out = await once();
  const times: number[] = [];
  let spent = 0;
  while (times.length < opts.runs && (times.length === 0 || spent < opts.budgetMs)) {
    const start = now();
    out = await once();
    const ms = now() - start;
    times.push(ms);
    spent += ms;
  }
  return { median_ms: median(times), runs: times.length, out };
}

/** max |got − expected|, and the scale it is judged against: max |expected|. */
export function deviation(
  got: Float32Array,
  expected: Float32Array,
): { max_abs_diff: number; scale: number } {
  if (got.length !== expected.length)
    throw new Error(`output has ${got.length} values, the reference ${expected.length}`);
  let max_abs_diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(got[i] - expected[i]);
    // NaN must not hide: it makes the difference infinite.
    max_abs_diff = Number.isNaN(d) ? Number.POSITIVE_INFINITY : Math.max(max_abs_diff, d);
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return { max_abs_diff, scale };
}
