import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeFocus,
  type HeadSlice,
  headLines,
  sliceOf,
  strongest,
  windowAround,
} from '../../src/headview/index.ts';

/** src/headview: the head view's lines, window and words, without a DOM. */

const LAYOUT = { rowHeight: 10, width: 100 };
const whole = (head: number, values: number[], t: number): HeadSlice => ({
  head,
  values: Float32Array.from(values),
  rows: t,
  cols: t,
  rowStart: 0,
  colStart: 0,
  outside: null,
});
// A causal 3-token head: row i spreads over keys 0..i.
const causal3 = whole(0, [1, 0, 0, 0.25, 0.75, 0, 0.5, 0.2, 0.3], 3);

describe('headLines', () => {
  it('draws one line per non-zero weight, opacity = weight, from the query row to the key row', () => {
    const lines = headLines([causal3], { start: 0, size: 3 }, LAYOUT);
    expect(lines.map((l) => [l.query, l.key, l.opacity])).toEqual([
      [0, 0, 1],
      [1, 0, 0.25],
      [1, 1, 0.75],
      [2, 0, 0.5],
      [2, 1, Math.fround(0.2)],
      [2, 2, Math.fround(0.3)],
    ]);
    const l = lines[3];
    expect([l.x1, l.y1, l.x2, l.y2]).toEqual([0, 25, 100, 5]);
  });

  it('a focused query keeps only its lines; a focused key only the lines into it', () => {
    const q = headLines([causal3], { start: 0, size: 3 }, LAYOUT, { side: 'query', index: 1 });
    expect(q.map((l) => [l.query, l.key])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    const k = headLines([causal3], { start: 0, size: 3 }, LAYOUT, { side: 'key', index: 0 });
    expect(k.map((l) => [l.query, l.weight])).toEqual([
      [0, 1],
      [1, 0.25],
      [2, 0.5],
    ]);
  });

  it('leaves out lines at or under minWeight, and pairs outside the window', () => {
    const lines = headLines([causal3], { start: 1, size: 2 }, LAYOUT, null, 0.25);
    expect(lines.map((l) => [l.query, l.key, l.y1, l.y2])).toEqual([
      [1, 1, 5, 5],
      [2, 2, 15, 15],
    ]);
  });

  it('property: every line is a weight of its head, drawn with that opacity, inside the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        fc.nat(),
        (t, heads, a, b) => {
          const slices = Array.from({ length: heads }, (_, h) =>
            whole(
              h,
              Array.from({ length: t * t }, (_, k) => ((k * 7 + h * 3) % 5) / 4),
              t,
            ),
          );
          const size = 1 + (a % t);
          const win = { start: b % (t - size + 1), size };
          const lines = headLines(slices, win, LAYOUT);
          let nonZero = 0;
          for (const s of slices)
            for (let i = win.start; i < win.start + size; i++)
              for (let j = win.start; j < win.start + size; j++)
                if (s.values[i * t + j] > 0) nonZero++;
          expect(lines.length).toBe(nonZero);
          for (const l of lines) {
            expect(l.opacity).toBe(slices[l.head].values[l.query * t + l.key]);
            expect(l.query).toBeGreaterThanOrEqual(win.start);
            expect(l.key).toBeLessThan(win.start + size);
            expect(l.y1).toBe((l.query - win.start + 0.5) * LAYOUT.rowHeight);
          }
        },
      ),
    );
  });
});

describe('windowAround', () => {
  it('shows every token when they fit, else a window centred on the focus', () => {
    expect(windowAround(6, 3, 24)).toEqual({ start: 0, size: 6 });
    expect(windowAround(1024, 500, 24)).toEqual({ start: 488, size: 24 });
    expect(windowAround(1024, 1023, 24)).toEqual({ start: 1000, size: 24 });
    expect(windowAround(1024, 0, 24)).toEqual({ start: 0, size: 24 });
  });

  it('stays put while the focus is inside its margins, moves once it nears an edge', () => {
    const w = { start: 488, size: 24 };
    expect(windowAround(1024, 490, 24, w)).toBe(w);
    expect(windowAround(1024, 509, 24, w)).toBe(w);
    expect(windowAround(1024, 510, 24, w)).toEqual({ start: 498, size: 24 });
    expect(windowAround(1024, 489, 24, w)).toEqual({ start: 477, size: 24 });
  });

  it('a window narrower than its margins still moves to hold the focus (fast-check found it)', () => {
    expect(windowAround(5, 1, 1, { start: 0, size: 1 })).toEqual({ start: 1, size: 1 });
    expect(windowAround(5, 3, 1, { start: 4, size: 1 })).toEqual({ start: 3, size: 1 });
  });

  it('property: the window fits the text, holds the focus and is never larger than max', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1024 }),
        fc.nat(),
        fc.integer({ min: 1, max: 64 }),
        fc.option(fc.nat()),
        (t, f, max, prev) => {
          const focus = f % t;
          const size = Math.min(t, max);
          const current = prev === null ? null : { start: prev % (t - size + 1), size };
          const w = windowAround(t, focus, max, current);
          expect(w.size).toBe(size);
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.start + w.size).toBeLessThanOrEqual(t);
          expect(focus).toBeGreaterThanOrEqual(w.start);
          expect(focus).toBeLessThan(w.start + w.size);
        },
      ),
    );
  });
});

describe('sliceOf and the words', () => {
  it('cuts a window out of a [T, T] head and keeps the weight that goes outside it', () => {
    const s = sliceOf(0, causal3.values, 3, 1, 2);
    expect([...s.values]).toEqual([0.75, 0, Math.fround(0.2), Math.fround(0.3)]);
    expect(s.outside?.[0]).toBeCloseTo(0.25, 7);
    expect(s.outside?.[1]).toBeCloseTo(0.5, 7);
  });

  it('names the heaviest keys of a focused query, per head, and the weight off screen', () => {
    const names = ['Your', 'journey', 'starts'];
    const win = { start: 0, size: 3 };
    expect(strongest(causal3, { side: 'query', index: 2 }, win, 2)).toEqual([
      { head: 0, token: 0, weight: 0.5 },
      { head: 0, token: 2, weight: Math.fround(0.3) },
    ]);
    const other = whole(1, [1, 0, 0, 0, 1, 0, 0, 0, 1], 3);
    expect(describeFocus([causal3, other], { side: 'query', index: 2 }, win, names)).toEqual([
      'head 1: starts attends most to Your (0.5000), starts (0.3000), journey (0.2000)',
      'head 2: starts attends most to starts (1.0000)',
    ]);
    expect(describeFocus([causal3], { side: 'key', index: 1 }, win, names)).toEqual([
      'journey is attended most by journey (0.7500), starts (0.2000)',
    ]);
    const cut = sliceOf(0, causal3.values, 3, 1, 2);
    expect(describeFocus([cut], { side: 'query', index: 2 }, { start: 1, size: 2 }, names)).toEqual(
      [
        'starts attends most to starts (0.3000), journey (0.2000); 0.5000 on tokens outside the window',
      ],
    );
  });
});
