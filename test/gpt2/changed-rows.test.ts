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
          const painted = Uint8Array.from({ length: 4 * n }, (_, k) => (k * 37) % 256);
          const next = painted.slice();
          // a change in another head does not count
          next[((head + 1) % 4) * n] ^= 1;
          const cell = at % n;
          if (change) next[head * n + cell] ^= 128;
          const want = change ? Math.floor(cell / size) : size;
          expect(firstChangedRow(painted, next, head * n, size)).toBe(want);
        },
      ),
    );
  });
});
