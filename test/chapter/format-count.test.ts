import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/chapter/format.ts';

describe('formatCount: a whole number with thousands separated by commas, without Intl', () => {
  it('writes what toLocaleString("en") writes, for any safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en'));
      }),
      { numRuns: 2000 },
    );
    for (const n of [0, 7, 999, 1000, 1024, 50_257, 999_999, 1_000_000, -1, -1024])
      expect(formatCount(n), String(n)).toBe(n.toLocaleString('en'));
  });
});
