import type { AttentionConfig } from '../config.ts';
import { inputDims } from '../graph/build.ts';
import { headShape } from '../variants.ts';
import type { BackendName } from './choice.ts';

/**
 * What `auto` knows about speed: the last few times each backend took, per size class. A size
 * class is a factor of two of work (multiply-adds of the projections and the T×T products), so
 * what was measured on the book's example decides for a slightly edited one too.
 *
 * The choice: the first backend in BACKENDS not yet measured at this size (so each is tried
 * once), then the fastest median. Which one wins depends on the machine and the size; the
 * benchmark (`npm run bench`) prints the measurements.
 */
export class SpeedLog {
  private readonly samples = new Map<number, Map<BackendName, number[]>>();

  static sizeClass(config: AttentionConfig): number {
    const { t, dIn } = inputDims(config);
    const { width } = headShape(config, dIn);
    const work = config.batch * (4 * t * dIn * width + 2 * t * t * width);
    return Math.round(Math.log2(Math.max(1, work)));
  }

  record(sizeClass: number, backend: BackendName, ms: number): void {
    const perBackend = this.samples.get(sizeClass) ?? new Map<BackendName, number[]>();
    this.samples.set(sizeClass, perBackend);
    const list = perBackend.get(backend) ?? [];
    list.push(ms);
    if (list.length > 5) list.shift();
    perBackend.set(backend, list);
  }

  choose(sizeClass: number, available: readonly BackendName[]): BackendName {
    const perBackend = this.samples.get(sizeClass);
    const untried = available.find((b) => !perBackend?.has(b));
    if (untried) return untried;
    let best = available[0];
    let bestMs = Number.POSITIVE_INFINITY;
    for (const b of available) {
      const ms = median(perBackend?.get(b) ?? []);
      if (ms < bestMs) {
        best = b;
        bestMs = ms;
      }
    }
    return best;
  }
}

function median(xs: number[]): number {
  if (xs.length === 0) return Number.POSITIVE_INFINITY;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}
