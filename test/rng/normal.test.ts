import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MT19937, TorchGenerator } from '../../src/rng/index.ts';
import rngFixture from '../fixtures/torch-rng-randn.json' with { type: 'json' };
import { bitsOf, floats, gpt2Fixture } from '../gpt2/fixture.ts';

const f32bits = (v: ArrayLike<number>) => bitsOf(Float32Array.from(v));

describe('torch.randn bit for bit (oracle torch_rng.json)', () => {
  it.each(rngFixture.seeds)(
    'seed $seed: randn(20) (16-at-a-time, tail redrawn) and randn(5) (scalar)',
    (s) => {
      expect(f32bits(new TorchGenerator(s.seed).randn(20))).toEqual(f32bits(s.randn20));
      expect(f32bits(new TorchGenerator(s.seed).randn(5))).toEqual(f32bits(s.randn5));
    },
  );
});

describe('torch.randn / nn.Embedding bit for bit (fixtures from PyTorch)', () => {
  const cases = gpt2Fixture.randn.map((c) => ({ ...c, label: `seed ${c.seed}, n ${c.n}` }));
  it.each(cases)('$label', (c) => {
    const want = floats(c.values);
    const g = new TorchGenerator(c.seed);
    let got: Float32Array;
    if (c.n === '3+1') {
      // the scalar path's cached second value carries over to the next call
      got = new Float32Array(4);
      got.set(g.randn(3));
      got.set(g.randn(1), 3);
    } else if (c.n === 'embedding7x768') {
      got = g.randn(7 * 768);
    } else {
      got = g.randn(Number(c.n));
    }
    expect(got.length).toBe(want.length);
    expect(bitsOf(got)).toEqual(bitsOf(want));
  });
});

describe('randn invariants', () => {
  it('a 16-block depends only on its own uniforms: randn(n) for n ≥ 16 and n % 16 = 0 is blockwise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        (seed, k) => {
          const all = new TorchGenerator(seed).randn(16 * k);
          const g = new TorchGenerator(seed);
          g.skip(16 * (k - 1));
          const last = g.randn(16 * k).subarray(0, 16);
          const h = new TorchGenerator(seed);
          h.skip(16 * (k - 1));
          // the last block of `all` is the first block of a stream started 16·(k−1) draws later
          const firstBlock = h.randn(32).subarray(0, 16);
          expect(bitsOf(all.slice(16 * (k - 1)))).toEqual(bitsOf(firstBlock.slice()));
          expect(bitsOf(last.slice())).toEqual(bitsOf(firstBlock.slice()));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('values are finite normals: mean ≈ 0, variance ≈ 1 over 32 k draws', () => {
    const v = new TorchGenerator(5).randn(32768);
    let sum = 0;
    let sq = 0;
    for (const x of v) {
      expect(Number.isFinite(x)).toBe(true);
      sum += x;
      sq += x * x;
    }
    expect(Math.abs(sum / v.length)).toBeLessThan(0.03);
    expect(Math.abs(sq / v.length - 1)).toBeLessThan(0.03);
  });

  it('MT19937.skip(n) equals n draws, across twist boundaries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 3000 }),
        (seed, n) => {
          const a = new MT19937(seed);
          const b = new MT19937(seed);
          for (let i = 0; i < n; i++) a.nextU32();
          b.skip(n);
          expect(b.nextU32()).toBe(a.nextU32());
        },
      ),
      { numRuns: 40 },
    );
  });
});
