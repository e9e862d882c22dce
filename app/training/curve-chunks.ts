/**
 * A growing curve as fixed chunks of SVG path in data coordinates (x = step, y = value or
 * log10 value): a chunk, once full, never changes, so a frame appends to the last chunk instead
 * of rebuilding the whole curve; the plot's scales are one transform on the group.
 */

/** Steps per chunk: long enough to keep the element count low, short enough to append cheaply. */
export const CHUNK = 256;

/** The y a value is drawn at, in data coordinates; null where it cannot be (≤ 0 on a log scale). */
export function dataY(v: number, log: boolean): number | null {
  if (!Number.isFinite(v)) return null;
  if (!log) return v;
  return v > 0 ? Math.log10(v) : null;
}

/**
 * The path of steps [k·CHUNK, (k+1)·CHUNK] (overlapping the next chunk by one point, so the line
 * is unbroken). Gaps where a value cannot be drawn start a new subpath.
 */
export function chunkPath(values: readonly number[], k: number, log: boolean): string {
  const end = Math.min(values.length, (k + 1) * CHUNK + 1);
  let d = '';
  let pen = false;
  for (let i = k * CHUNK; i < end; i++) {
    const y = dataY(values[i], log);
    if (y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${i},${y.toPrecision(6)}`;
    pen = true;
  }
  return d;
}

/** How many chunks `n` values fill. */
export function chunkCount(n: number): number {
  return n <= 1 ? n : Math.ceil((n - 1) / CHUNK);
}

/**
 * The range of a growing curve's drawable values (positive and finite, so both scales fit
 * them): each frame scans only the values added since the last, and starts over when the curve
 * does (its first value changes or it shrinks).
 */
export class GrowingExtent {
  lo = Number.POSITIVE_INFINITY;
  hi = Number.NEGATIVE_INFINITY;
  private seen = 0;
  private first: number | undefined;

  update(values: readonly number[]): this {
    if (values.length < this.seen || values[0] !== this.first) {
      [this.lo, this.hi, this.seen, this.first] = [Infinity, -Infinity, 0, values[0]];
    }
    for (let i = this.seen; i < values.length; i++) {
      const v = values[i];
      if (!(v > 0 && Number.isFinite(v))) continue;
      if (v < this.lo) this.lo = v;
      if (v > this.hi) this.hi = v;
    }
    this.seen = values.length;
    return this;
  }
}
