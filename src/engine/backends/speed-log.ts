import type { AttentionConfig } from '../config.ts';
import { inputDims } from '../graph/build.ts';
import { headShape } from '../variants.ts';
import type { BackendName } from './choice.ts';

/** A backend that lost is measured again after this long (one noisy sample must not decide). */
export const RECHECK_MS = 15_000;
/** A loser this many times slower than the best is re-measured only while it has one sample. */
const CLEAR_LOSS = 4;

interface Samples {
  ms: number[];
  /** When the last sample was taken (the manager's clock). */
  at: number;
}

/**
 * What `auto` knows about speed: the last few times each backend took, per size class. A size
 * class is a factor of two of work (multiply-adds of the projections and the T×T products), so
 * what was measured on the book's example decides for a slightly edited one too.
 *
 * `auto` answers with the fastest backend measured at this size (the reference engine, which
 * answers first, until others are measured); the others are measured in the background, with
 * their results discarded, by `toMeasure`: first each one never measured, then now and then the
 * loser measured longest ago (a clear loser only once more: measuring it costs the learner).
 */
export class SpeedLog {
  private readonly samples = new Map<number, Map<BackendName, Samples>>();

  static sizeClass(config: AttentionConfig): number {
    const { t, dIn } = inputDims(config);
    const { width } = headShape(config, dIn);
    const work = config.batch * (4 * t * dIn * width + 2 * t * t * width);
    return Math.round(Math.log2(Math.max(1, work)));
  }

  record(sizeClass: number, backend: BackendName, ms: number, at: number): void {
    const perBackend = this.samples.get(sizeClass) ?? new Map<BackendName, Samples>();
    this.samples.set(sizeClass, perBackend);
    const entry = perBackend.get(backend) ?? { ms: [], at };
    entry.ms.push(ms);
    if (entry.ms.length > 5) entry.ms.shift();
    entry.at = at;
    perBackend.set(backend, entry);
  }

  /** The estimate: the (lower) median of the last five samples. */
  estimate(sizeClass: number, backend: BackendName): number {
    const xs = this.samples.get(sizeClass)?.get(backend)?.ms ?? [];
    if (xs.length === 0) return Number.POSITIVE_INFINITY;
    const s = [...xs].sort((a, b) => a - b);
    return s[(s.length - 1) >> 1];
  }

  /** The fastest measured of `candidates` at this size, or null when none is measured. */
  fastest(sizeClass: number, candidates: readonly BackendName[]): BackendName | null {
    let best: BackendName | null = null;
    let bestMs = Number.POSITIVE_INFINITY;
    for (const b of candidates) {
      const ms = this.estimate(sizeClass, b);
      if (ms < bestMs) {
        best = b;
        bestMs = ms;
      }
    }
    return best;
  }

  /** Which candidate to measure in the background now, if any. */
  toMeasure(
    sizeClass: number,
    candidates: readonly BackendName[],
    now: number,
  ): BackendName | null {
    const perBackend = this.samples.get(sizeClass);
    const untried = candidates.find((b) => !perBackend?.has(b));
    if (untried) return untried;
    const best = this.fastest(sizeClass, candidates);
    const bestMs = best ? this.estimate(sizeClass, best) : Number.POSITIVE_INFINITY;
    let stalest: BackendName | null = null;
    let stalestAt = now - RECHECK_MS;
    for (const b of candidates) {
      const entry = perBackend?.get(b);
      const at = entry?.at ?? Number.NEGATIVE_INFINITY;
      const close = this.estimate(sizeClass, b) < CLEAR_LOSS * bestMs || entry?.ms.length === 1;
      if (b !== best && close && at <= stalestAt) {
        stalest = b;
        stalestAt = at;
      }
    }
    return stalest;
  }
}
