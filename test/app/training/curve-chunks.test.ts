import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHUNK,
  chunkCount,
  chunkPath,
  dataY,
  GrowingExtent,
} from '../../../app/training/curve-chunks.ts';

/** The (step, y) points of a path "M0,1L1,2…". */
function points(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([^,]+),([^ML]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const value = fc.oneof(
  fc.double({ min: 1e-12, max: 1e3, noNaN: true }),
  fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY),
);

describe('the loss curve in chunks', () => {
  it('draws every drawable step exactly where its value is, and no other', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3 * CHUNK + 5 }), fc.boolean(), (values, log) => {
        const drawn = new Map<number, number>();
        for (let k = 0; k < chunkCount(values.length); k++)
          for (const [i, y] of points(chunkPath(values, k, log))) {
            expect(i).toBeGreaterThanOrEqual(k * CHUNK);
            expect(i).toBeLessThanOrEqual((k + 1) * CHUNK);
            drawn.set(i, y);
          }
        const want = values.flatMap((v, i) => {
          const y = dataY(v, log);
          return y === null ? [] : [[i, y] as const];
        });
        expect([...drawn.keys()].sort((a, b) => a - b)).toEqual(want.map(([i]) => i));
        // Six significant digits: far below a pixel.
        for (const [i, y] of want)
          expect(Math.abs((drawn.get(i) ?? Number.NaN) - y)).toBeLessThanOrEqual(
            5e-6 * Math.abs(y),
          );
      }),
    );
  });

  it('a full chunk never changes as steps are appended', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: CHUNK + 2, maxLength: 2 * CHUNK + 2 }),
        fc.array(value, { minLength: 1, maxLength: CHUNK }),
        (values, more) => {
          const full = chunkCount(values.length) - 1;
          for (let k = 0; k < full; k++)
            expect(chunkPath([...values, ...more], k, true)).toBe(chunkPath(values, k, true));
        },
      ),
    );
  });

  it('consecutive chunks share their boundary point, so the line is unbroken', () => {
    const values = Array.from({ length: 2 * CHUNK + 1 }, (_, i) => 1 / (i + 1));
    expect(chunkCount(values.length)).toBe(2);
    const a = points(chunkPath(values, 0, true));
    const b = points(chunkPath(values, 1, true));
    expect(a.at(-1)).toEqual(b[0]);
    expect(b[0]).toEqual([CHUNK, Number((-Math.log10(CHUNK + 1)).toPrecision(6))]);
    expect(chunkCount(0)).toBe(0);
    expect(chunkCount(1)).toBe(1);
    expect(chunkCount(CHUNK + 1)).toBe(1);
    expect(chunkCount(CHUNK + 2)).toBe(2);
  });

  it('the range of a curve grown frame by frame is the range of its drawable values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 20 }), { maxLength: 8 }),
        fc.array(value, { maxLength: 10 }),
        (frames, other) => {
          const range = new GrowingExtent();
          let values: number[] = [];
          const check = () => {
            const drawable = values.filter((v) => v > 0 && Number.isFinite(v));
            range.update(values);
            expect(range.lo).toBe(drawable.length ? Math.min(...drawable) : Infinity);
            expect(range.hi).toBe(drawable.length ? Math.max(...drawable) : -Infinity);
          };
          for (const more of frames) {
            values = [...values, ...more];
            check();
          }
          // A reset (the history emptied) starts over.
          values = [];
          check();
          values = other;
          check();
        },
      ),
    );
  });
});
