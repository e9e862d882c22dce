import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AttentionConfigInput, resolveConfig } from '../../src/engine/index.ts';
import { forward } from '../../src/engine/run.ts';
import { TRACE_TENSORS } from '../../src/engine/trace.ts';
import { forward as legacyForward } from './legacy/run.ts';

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true });
const config: fc.Arbitrary<AttentionConfigInput> = fc
  .record({
    variant: fc.constantFrom('simple', 'v1', 'v2', 'causal', 'mha_wrapper', 'mha'),
    t: fc.integer({ min: 1, max: 9 }),
    d: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    heads: fc.integer({ min: 1, max: 4 }),
    headDim: fc.integer({ min: 1, max: 5 }),
    qkv_bias: fc.boolean(),
    causal: fc.boolean(),
    dropout: fc.constantFrom(0, 0.1, 0.5, 0.9),
    training: fc.boolean(),
    batch: fc.integer({ min: 1, max: 3 }),
    scaled: fc.boolean(),
    softmax: fc.constantFrom('stable', 'naive'),
    share: fc.boolean(),
    xs: fc.array(value, { minLength: 54, maxLength: 54 }),
  })
  .map(({ heads, headDim, t, d, xs, share, ...c }) => ({
    ...c,
    embeddings: Array.from({ length: t }, (_, i) => xs.slice(i * d, i * d + d)),
    num_heads: heads,
    d_out: c.variant === 'mha' ? heads * headDim : headDim,
    share_wrapper_weights: share && c.variant === 'mha',
  }));

describe('the graph executor is bit-identical to the hand-written forward pass it replaced', () => {
  it('on random configs of every variant', () => {
    fc.assert(
      fc.property(config, (input) => {
        const c = resolveConfig(input);
        const got = forward(c);
        const want = legacyForward(c);
        expect(got.params).toEqual(want.params);
        expect(got.scale).toBe(want.scale);
        for (const name of TRACE_TENSORS) {
          const w = want[name];
          const g = got[name];
          if (!w) {
            expect(g ?? null, name).toBeNull();
            continue;
          }
          expect(g?.shape, name).toEqual(w.shape);
          expect(Array.from(g?.data ?? []), name).toEqual(Array.from(w.data));
        }
      }),
      { numRuns: 400 },
    );
  });
});
