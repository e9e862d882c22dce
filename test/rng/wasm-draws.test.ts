import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Gpt2Weights } from '../../src/gpt2/embeddings.ts';
import { EMB_DIM } from '../../src/gpt2/sizes.ts';
import { MT19937, normalBlock16, TorchGenerator, WasmDraws } from '../../src/rng/index.ts';
import { bitsOf, floats, gpt2Fixture } from '../gpt2/fixture.ts';

/** The modules `npm run build:wasm` wrote (tests run after it; see package.json). */
const load = (file: string) =>
  new WasmDraws(
    new WebAssembly.Module(readFileSync(new URL(`../../src/rng/build/${file}`, import.meta.url))),
  );
const plain = load('draws.wasm');
const relaxed = load('draws-relaxed.wasm');

/** Whether this machine's CPU has a float32 FMA (x86-64's fma flag; ARM64 always has one). */
function cpuHasFma(): boolean {
  if (process.arch === 'arm64') return true;
  try {
    return /^flags\s*:.*\bfma\b/m.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}

describe('which draws run four lanes at a time', () => {
  it('the plain build never; the relaxed build exactly where the CPU has a fused multiply-add', () => {
    expect(plain.usesFma).toBe(false);
    expect(relaxed.usesFma).toBe(cpuHasFma());
  });
});

/** A TypeScript generator and a bare mt19937 at the same point of one seed's stream. */
function pair(seed: number, skip: number): [TorchGenerator, MT19937] {
  const gen = new TorchGenerator(seed);
  gen.skip(skip);
  const mt = new MT19937(0);
  mt.restore(gen.snapshot());
  return [gen, mt];
}

describe.each([
  ['plain', plain],
  ['relaxed', relaxed],
])(
  "PyTorch's draws in WebAssembly (%s build) equal the TypeScript generator's, bit for bit",
  (_, draws) => {
    it('the SIMD twist leaves the same state, from any seed and position', () => {
      fc.assert(
        fc.property(
          fc.nat(2 ** 32 - 1),
          fc.nat(2000),
          fc.integer({ min: 1, max: 40 }),
          (seed, n, k) => {
            const ts = new MT19937(seed);
            const simd = new MT19937(seed);
            ts.skip(n);
            simd.skip(n);
            ts.skipTwists(k);
            simd.skipTwists(k, draws.twister);
            expect(simd.snapshot()).toEqual(ts.snapshot());
            const next = (mt: MT19937) => Array.from({ length: 700 }, () => mt.nextU32());
            expect(next(simd)).toEqual(next(ts));
          },
        ),
        { numRuns: 100 },
      );
    }, 30_000);

    it("is std::mt19937: the 10,000th output from 5489 after 15 of its twists is the standard's", () => {
      const mt = new MT19937(5489);
      mt.skipTwists(15, draws.twister);
      mt.skip(9999 - 15 * 624);
      expect(mt.nextU32()).toBe(4123659995);
    });

    it('rand, normal_ (any mean and std) and nn.Linear, and the stream after them', () => {
      fc.assert(
        fc.property(
          fc.nat(2 ** 32 - 1),
          fc.nat(1500),
          fc.integer({ min: 1, max: 120 }),
          fc.float({ min: -10, max: 10, noNaN: true }),
          fc.float({ min: Math.fround(0.01), max: 10, noNaN: true }),
          fc.integer({ min: 1, max: 40 }),
          (seed, skip, blocks, mean, std, width) => {
            const [gen, mt] = pair(seed, skip);
            const n = blocks * 16;
            expect(bitsOf(draws.rand(mt, n + 3))).toEqual(bitsOf(gen.rand(n + 3)));
            expect(bitsOf(draws.normal(mt, n, mean, std))).toEqual(bitsOf(gen.randn(n, mean, std)));
            const a = draws.linear(mt, width, 7, true);
            const b = gen.linear(width, 7, true);
            expect(bitsOf(a.weight)).toEqual(bitsOf(b.weight));
            expect(bitsOf(a.bias as Float32Array)).toEqual(bitsOf(b.bias as Float32Array));
            expect(mt.nextU32()).toBe(gen.random());
          },
        ),
        { numRuns: 100 },
      );
    }, 30_000);

    it('normal_ of a sixteenth of the uniforms torch.rand can make, spread over all of them', () => {
      // Uniforms k·16 + (k mod 16) for k < 2^20 (every low-bit pattern, every exponent), each once
      // as u1 (the log) and once as u2 (the sine and cosine) of a pair; mean and std not 0 and 1.
      const chunk = 2 ** 16;
      const pick = (k: number) => (k * 16 + (k % 16)) * 2 ** -24;
      for (let start = 0; start < 2 ** 20; start += chunk) {
        const uniforms = new Float32Array(chunk * 2);
        for (let i = 0; i < chunk; i++) {
          const block = (i >> 3) * 16;
          uniforms[block + (i & 7)] = pick(start + i);
          uniforms[block + 8 + (i & 7)] = pick(2 ** 20 - 1 - start - i);
        }
        const viaTs = uniforms.slice();
        for (let at = 0; at < viaTs.length; at += 16) normalBlock16(viaTs, at, 0.5, 2);
        const want = bitsOf(viaTs);
        const got = bitsOf(draws.normalOf(uniforms, 0.5, 2));
        // One comparison a chunk (toEqual on 2^17 values per chunk would take minutes).
        const first = got.findIndex((b, i) => b !== want[i]);
        expect(first, `first difference in the chunk from ${start}`).toBe(-1);
      }
    }, 30_000);

    it.each(gpt2Fixture.gpt2)('makes the GPT-2 tables PyTorch makes (seed $seed)', (c) => {
      const w = new Gpt2Weights(c.seed, draws);
      const all = w.positionRows(1024);
      for (const [p, b64] of Object.entries(c.position_rows)) {
        const row = all.slice(Number(p) * EMB_DIM, (Number(p) + 1) * EMB_DIM);
        expect(bitsOf(row), `position ${p}`).toEqual(bitsOf(floats(b64)));
      }
      for (const [id, b64] of Object.entries(c.token_rows)) {
        expect(bitsOf(w.tokenRow(Number(id))), `row ${id}`).toEqual(bitsOf(floats(b64)));
      }
      const mha = w.attention();
      expect(bitsOf(mha.W_query.weight.slice(0, 32))).toEqual(bitsOf(floats(c.W_query_first)));
      expect(bitsOf(mha.W_value.weight.slice(-32))).toEqual(bitsOf(floats(c.W_value_last)));
      expect(bitsOf(mha.out_proj.bias ?? new Float32Array())).toEqual(
        bitsOf(floats(c.out_proj_bias)),
      );
    });
  },
);
