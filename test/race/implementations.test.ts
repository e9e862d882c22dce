import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawModel } from '../../src/engine/draws.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { forward } from '../../src/engine/run.ts';
import { KernelMha } from '../../src/kernels/mha.ts';
import type { Team } from '../../src/kernels/team.ts';
import { inputOf, mhaWeights, shapeOf } from '../../src/kernels/trace.ts';
import { deviation } from '../../src/race/measure.ts';
import { TORCH_CLASSES } from '../../src/race/torch/index.ts';
import { nodeTeam } from '../kernels/node-team.ts';

/**
 * Every runner of the race computes the reference engine's causal multi-head attention from the
 * same drawn weights: within 1e-5 of the output's scale (float32 rounding; the reference sums in
 * float64 and rounds once, the others round along the way).
 */
const configArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 10_000 }),
    t: fc.integer({ min: 1, max: 9 }),
    dIn: fc.integer({ min: 1, max: 12 }),
    heads: fc.integer({ min: 1, max: 4 }),
    hd: fc.integer({ min: 1, max: 5 }),
    batch: fc.integer({ min: 1, max: 2 }),
    qkv_bias: fc.boolean(),
    values: fc.array(fc.float({ min: -2, max: 2, noNaN: true }), {
      minLength: 108,
      maxLength: 108,
    }),
  })
  .map((r) =>
    resolveConfig({
      variant: 'mha',
      seed: r.seed,
      embeddings: Array.from({ length: r.t }, (_, i) =>
        Array.from({ length: r.dIn }, (_, j) => r.values[i * r.dIn + j] ?? 0),
      ),
      d_out: r.heads * r.hd,
      num_heads: r.heads,
      batch: r.batch,
      qkv_bias: r.qkv_bias,
      causal: true,
    }),
  );

function within(got: Float32Array, want: Float32Array): void {
  const { max_abs_diff, scale } = deviation(got, want);
  expect(max_abs_diff).toBeLessThanOrEqual(Math.max(1e-5 * scale, 1e-6));
}

describe('the chapter’s classes in TypeScript', () => {
  for (const [name, make] of Object.entries(TORCH_CLASSES)) {
    it(`${name} equals the reference engine`, () => {
      fc.assert(
        fc.property(configArb, (config) => {
          const shape = shapeOf(config, false);
          const pass = make(shape, mhaWeights(drawModel(config).params));
          within(pass(inputOf(config)), forward(config).output.data);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('at GPT-2 head width, a 64-token pass agrees to 1e-6 of scale (the lesson’s claim)', () => {
    const config = resolveConfig({
      variant: 'mha',
      embeddings: Array.from({ length: 64 }, (_, i) =>
        Array.from({ length: 128 }, (_, j) => Math.sin(i * 0.37 + j * 0.11)),
      ),
      d_out: 128,
      num_heads: 2,
      causal: true,
    });
    const want = forward(config).output.data;
    for (const make of Object.values(TORCH_CLASSES)) {
      const got = make(
        shapeOf(config, false),
        mhaWeights(drawModel(config).params),
      )(inputOf(config));
      const { max_abs_diff, scale } = deviation(got, want);
      expect(max_abs_diff / scale).toBeLessThan(1e-6);
    }
  });
});

describe('the kernels as the race runs them (output only)', () => {
  const teams: Team[] = [];
  beforeAll(async () => {
    teams.push(await nodeTeam('relaxed', 1), await nodeTeam('plain', 1));
  });
  afterAll(() => {
    for (const t of teams) t.stop();
  });

  it('FMA and plain builds equal the reference engine', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        for (const team of teams) {
          const mha = new KernelMha(team);
          mha.forward(
            shapeOf(config, false),
            mhaWeights(drawModel(config).params),
            inputOf(config),
          );
          within(mha.view('out').slice(), forward(config).output.data);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('deviation', () => {
  it('is the largest |difference| and the reference’s largest |value|', () => {
    const d = deviation(Float32Array.of(1, -2.5, 3), Float32Array.of(1.5, -2, 2));
    expect(d).toEqual({ max_abs_diff: 1, scale: 2 });
  });
  it('makes NaN infinitely wrong, and refuses a wrong length', () => {
    expect(deviation(Float32Array.of(Number.NaN), Float32Array.of(1)).max_abs_diff).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(() => deviation(new Float32Array(2), new Float32Array(3))).toThrow(/2 values/);
  });
});
