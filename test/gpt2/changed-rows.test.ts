import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstChangedRow } from '../../app/gpt2/changed-rows.ts';

describe('firstChangedRow (the thumbnail rows an edit repaints)', () => {
  it('is the first row that differs within the one head it looks at, or size when none does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.boolean(),
        (size, head, at, change) => {
          const n = size * size;
          const painted = Float32Array.from({ length: 4 * n }, (_, k) => (k % 7) / 7);
          const next = painted.slice();
          // a change in another head does not count
          next[((head + 1) % 4) * n] += 1;
          const cell = at % n;
          if (change) next[head * n + cell] = 0.5 + next[head * n + cell];
          const want = change ? Math.floor(cell / size) : size;
          expect(firstChangedRow(painted, next, head * n, size)).toBe(want);
        },
      ),
    );
  });

  it('takes a −0 for a 0 as a change (a repaint too many is never wrong) and NaN as itself', () => {
    expect(
      firstChangedRow(new Float32Array([0, 0, 0, 0]), new Float32Array([0, 0, -0, 0]), 0, 2),
    ).toBe(1);
    expect(
      firstChangedRow(new Float32Array([Number.NaN]), new Float32Array([Number.NaN]), 0, 1),
    ).toBe(1);
  });
});
