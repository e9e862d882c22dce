import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MT19937 } from '../../src/rng/index.ts';

describe('MT19937 (its state held as int32 words)', () => {
  it("is std::mt19937: the 10,000th output from the default seed 5489 is the standard's 4123659995", () => {
    const mt = new MT19937(5489);
    mt.skip(9999);
    expect(mt.nextU32()).toBe(4123659995);
  });

  it('outputs and snapshot words are unsigned 32-bit values', () => {
    const mt = new MT19937(123);
    const out = Array.from({ length: 2000 }, () => mt.nextU32());
    expect(out.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
    expect(out.some((x) => x >= 2 ** 31)).toBe(true);
    const { mt: words } = mt.snapshot();
    expect(words).toBeInstanceOf(Uint32Array);
    expect(words.some((x) => x >= 2 ** 31)).toBe(true);
  });

  it('a snapshot restored into a generator of another seed continues the same stream', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 32 - 1), fc.nat(3000), (seed, n) => {
        const a = new MT19937(seed);
        a.skip(n);
        const saved = a.snapshot();
        const b = new MT19937(seed ^ 1);
        b.restore(saved);
        for (let i = 0; i < 700; i++) expect(b.nextU32()).toBe(a.nextU32());
        // the snapshot is a copy: drawing from `a` did not change it
        const c = new MT19937(0);
        c.restore(saved);
        b.restore(saved);
        expect(c.nextU32()).toBe(b.nextU32());
      }),
      { numRuns: 30 },
    );
  });
});
