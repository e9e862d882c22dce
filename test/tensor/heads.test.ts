import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeHeads, splitHeads } from '../../src/tensor/heads.ts';

const dims = fc.tuple(
  fc.integer({ min: 1, max: 3 }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 3 }),
);

describe('splitHeads / mergeHeads', () => {
  it('split puts x[b, t, h·hd + d] at [b, h, t, d], as .view(b, T, H, hd).transpose(1, 2)', () => {
    // b=1, T=2, H=2, hd=2: token rows [h0 h0 h1 h1].
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(splitHeads(x, 1, 2, 2, 2))).toEqual([1, 2, 5, 6, 3, 4, 7, 8]);
  });

  it('every element lands where the index formula says, and merge undoes split', () => {
    fc.assert(
      fc.property(dims, ([b, t, h, hd]) => {
        const x = Float32Array.from({ length: b * t * h * hd }, (_, i) => i);
        const split = splitHeads(x, b, t, h, hd);
        for (let bi = 0; bi < b; bi++)
          for (let ti = 0; ti < t; ti++)
            for (let hi = 0; hi < h; hi++)
              for (let d = 0; d < hd; d++)
                expect(split[((bi * h + hi) * t + ti) * hd + d]).toBe(
                  x[((bi * t + ti) * h + hi) * hd + d],
                );
        expect(Array.from(mergeHeads(split, b, t, h, hd))).toEqual(Array.from(x));
      }),
    );
  });
});
