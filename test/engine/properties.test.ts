import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttentionConfigInput,
  drawParams,
  forward,
  resolveConfig,
  runAttention,
  VARIANTS,
  wrapperAsMha,
} from '../../src/engine/index.ts';
import { VARIANT_SPECS } from '../../src/engine/variants.ts';
import { TorchGenerator } from '../../src/rng/index.ts';

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true });
const embeddings = (maxT = 8, maxD = 6) =>
  fc
    .record({ t: fc.integer({ min: 1, max: maxT }), d: fc.integer({ min: 1, max: maxD }) })
    .chain(({ t, d }) =>
      fc.array(fc.array(value, { minLength: d, maxLength: d }), { minLength: t, maxLength: t }),
    );

const config: fc.Arbitrary<AttentionConfigInput> = fc
  .record({
    variant: fc.constantFrom(...VARIANTS),
    embeddings: embeddings(),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    heads: fc.integer({ min: 1, max: 4 }),
    headDim: fc.integer({ min: 1, max: 4 }),
    qkv_bias: fc.boolean(),
    causal: fc.boolean(),
    dropout: fc.constantFrom(0, 0.1, 0.5, 0.9),
    training: fc.boolean(),
    batch: fc.integer({ min: 1, max: 2 }),
  })
  .map(({ heads, headDim, ...c }) => ({
    ...c,
    num_heads: heads,
    d_out: VARIANT_SPECS[c.variant].dOutIsTotal ? heads * headDim : headDim,
  }));

describe('engine invariants (fast-check)', () => {
  it('every row of attention weights sums to 1', () => {
    fc.assert(
      fc.property(config, (c) => {
        const { attn_weights: w } = runAttention(c);
        const t = w.shape[3];
        for (let r = 0; r < w.data.length / t; r++) {
          let sum = 0;
          for (let j = 0; j < t; j++) sum += w.data[r * t + j];
          expect(sum).toBeCloseTo(1, 5);
        }
      }),
    );
  });

  it('causal: scores above the diagonal are −∞ and their weights exactly 0', () => {
    fc.assert(
      fc.property(config, (c) => {
        const trace = runAttention({ ...c, causal: true });
        const t = trace.attn_weights.shape[3];
        trace.attn_weights.data.forEach((w, idx) => {
          const i = Math.floor(idx / t) % t;
          const j = idx % t;
          if (j > i) {
            expect(w).toBe(0);
            expect(trace.masked_scores.data[idx]).toBe(Number.NEGATIVE_INFINITY);
            expect(trace.attn_weights_dropped.data[idx]).toBe(0);
          } else {
            expect(trace.masked_scores.data[idx]).toBe(trace.attn_scores.data[idx]);
          }
        });
      }),
    );
  });

  it('dropout keeps about 1 − p of the weights, each scaled by 1/(1 − p)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom(0.1, 0.25, 0.5, 0.75, 0.9),
        (seed, p) => {
          const n = 4096;
          const mask = new TorchGenerator(seed).dropoutMask(n, p);
          const scale = Math.fround(1 / Math.fround(1 - p));
          const kept = mask.filter((m) => m === scale).length;
          const dropped = mask.filter((m) => m === 0).length;
          expect(kept + dropped).toBe(n);
          // Binomial(n, 1 − p): within 5 standard deviations.
          const sd = Math.sqrt(n * p * (1 - p));
          expect(Math.abs(kept - n * (1 - p))).toBeLessThan(5 * sd);
        },
      ),
    );
  });

  it('dropped weights are the weights times the mask, and context uses them', () => {
    fc.assert(
      fc.property(config, (c) => {
        const trace = runAttention({ ...c, training: true, dropout: 0.5 });
        const mask = trace.dropout_mask?.data;
        expect(mask).toBeDefined();
        trace.attn_weights_dropped.data.forEach((d, i) => {
          expect(d).toBe(Math.fround(trace.attn_weights.data[i] * (mask as Float32Array)[i]));
        });
      }),
    );
  });

  it("mha_wrapper equals mha given the heads' stacked weights and an identity out_proj", () => {
    fc.assert(
      fc.property(config, (c) => {
        const wrapperConfig = resolveConfig({ ...c, variant: 'mha_wrapper', training: false });
        const wrapper = forward(wrapperConfig);
        const dIn = wrapperConfig.embeddings[0].length;
        const shared = wrapperAsMha(
          drawParams(wrapperConfig, dIn, new TorchGenerator(wrapperConfig.seed)),
        );
        const mhaConfig = resolveConfig({
          ...c,
          variant: 'mha',
          training: false,
          d_out: wrapperConfig.d_out * wrapperConfig.num_heads,
        });
        const mha = forward(mhaConfig, { params: shared });
        // bit for bit, but for the sign of zero: out_proj's zero bias turns −0 into +0
        const same = (a: Float32Array, b: Float32Array) =>
          expect(Array.from(a, (x) => x + 0)).toEqual(Array.from(b, (x) => x + 0));
        same(mha.attn_weights.data, wrapper.attn_weights.data);
        same(mha.context.data, wrapper.context.data);
        same(mha.output.data, wrapper.output.data);
      }),
    );
  });

  it('permuting the tokens permutes non-causal outputs the same way', () => {
    const nonCausal = fc.tuple(config, fc.integer({ min: 0, max: 1e9 })).map(([c, salt]) => {
      const t = (c.embeddings as number[][]).length;
      const perm = Array.from({ length: t }, (_, i) => i).sort(
        (a, b) => ((a * 7919 + salt) % 104729) - ((b * 7919 + salt) % 104729),
      );
      return { c: { ...c, causal: false, training: false }, perm };
    });
    fc.assert(
      fc.property(nonCausal, ({ c, perm }) => {
        const base = runAttention(c);
        const x = c.embeddings as number[][];
        const permuted = runAttention({ ...c, embeddings: perm.map((i) => x[i]) });
        const [b, t, w] = base.output.shape;
        for (let bi = 0; bi < b; bi++) {
          perm.forEach((from, to) => {
            for (let k = 0; k < w; k++) {
              const want = base.output.data[(bi * t + from) * w + k];
              const got = permuted.output.data[(bi * t + to) * w + k];
              expect(Math.abs(got - want)).toBeLessThan(1e-5 * (1 + Math.abs(want)));
            }
          });
        }
      }),
    );
  });
});

describe('share_wrapper_weights (§3.6.2)', () => {
  it("makes mha compute exactly the wrapper's output", () => {
    fc.assert(
      fc.property(config, (c) => {
        const heads = c.num_heads as number;
        const d = (c.d_out as number) * (VARIANT_SPECS[c.variant ?? 'mha'].dOutIsTotal ? 1 : heads);
        const base = { ...c, training: false, num_heads: heads };
        const wrapper = runAttention({ ...base, variant: 'mha_wrapper', d_out: d / heads });
        const mha = runAttention({
          ...base,
          variant: 'mha',
          d_out: d,
          share_wrapper_weights: true,
        });
        expect(Array.from(mha.output.data, (x) => x + 0)).toEqual(
          Array.from(wrapper.output.data, (x) => x + 0),
        );
        expect(mha.params.out_proj.data.filter((x) => x === 1)).toHaveLength(d);
      }),
    );
  });
});
