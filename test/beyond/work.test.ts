import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cachedStepMacs,
  fullPassMacs,
  macsWithCache,
  macsWithoutCache,
  workCurve,
} from '../../src/chapter/beyond/work.ts';

const book = { d_in: 3, d_out: 2, num_heads: 1, num_kv_groups: 1 };

describe('multiply-adds with and without a KV cache', () => {
  it('the book’s sizes, counted by hand', () => {
    // Per token: Q, K, V projections 3·(2+2+2) = 18, out_proj 2·2 = 4; per query-key pair 2·2 = 4.
    expect(fullPassMacs(book, 3)).toBe(3 * 22 + 9 * 4);
    expect(cachedStepMacs(book, 3)).toBe(22 + 3 * 4);
    expect(macsWithoutCache(book, 1, 3)).toBe(26 + 60 + 102);
    expect(macsWithCache(book, 1, 3)).toBe(26 + 30 + 34);
  });

  it('GQA shrinks only the K and V projections', () => {
    const mha = { d_in: 8, d_out: 8, num_heads: 4, num_kv_groups: 4 };
    const mqa = { ...mha, num_kv_groups: 1 };
    expect(cachedStepMacs(mha, 5) - cachedStepMacs(mqa, 5)).toBe(8 * 2 * 3 * 2);
  });

  it('the cache never costs more, saves nothing at the prompt, and the curve sums the steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 20 }),
        (heads, dIn, extra) => {
          const s = { d_in: dIn, d_out: heads * 2, num_heads: heads, num_kv_groups: 1 };
          const prefill = 1 + (extra % 4);
          const total = prefill + extra;
          const curve = workCurve(s, prefill, total);
          expect(curve[0].with).toBe(curve[0].without);
          const last = curve[curve.length - 1];
          expect(last.without).toBe(macsWithoutCache(s, prefill, total));
          expect(last.with).toBe(macsWithCache(s, prefill, total));
          expect(last.with).toBeLessThanOrEqual(last.without);
          if (extra > 0) expect(last.with).toBeLessThan(last.without);
        },
      ),
    );
  });
});
