import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttentionConfig } from '../../src/engine/config.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { forward } from '../../src/engine/run.ts';
import { TRACE_TENSORS, type Trace } from '../../src/engine/trace.ts';
import type { JsonValue } from '../../src/engine/trace-json.ts';
import { KernelMha } from '../../src/kernels/mha.ts';
import { Team } from '../../src/kernels/team.ts';
import { fastPathMiss, kernelTrace } from '../../src/kernels/trace.ts';
import { expectTraceMatches } from '../engine/oracle-match.ts';
import book from '../fixtures/book.json';
import extension from '../fixtures/extension-traces.json';
import fixtures from '../fixtures/random-traces.json';
import { kernelModule, nodeTeam } from './node-team.ts';

/**
 * Within 1e-5 of the tensor's scale (its largest |x|), −∞ in the same places. The inputs here are
 * O(1), so every sum carries float32 rounding of ~1e-7 absolute even where it cancels to almost
 * nothing (a one-token score of 1e-4): the bound never goes below 1e-6.
 */
function expectClose(got: Trace, want: Trace): void {
  for (const name of TRACE_TENSORS) {
    const a = got[name];
    const b = want[name];
    if (!b) {
      expect(a ?? null, name).toBeNull();
      continue;
    }
    expect(a?.shape, name).toEqual(b.shape);
    const scale = b.data.reduce((m, x) => (Number.isFinite(x) ? Math.max(m, Math.abs(x)) : m), 0);
    let worst = 0;
    b.data.forEach((w, i) => {
      const g = (a as NonNullable<typeof a>).data[i];
      if (!Number.isFinite(w)) expect(g, `${name}[${i}]`).toBe(w);
      else worst = Math.max(worst, Math.abs(g - w));
    });
    expect(worst, name).toBeLessThanOrEqual(Math.max(1e-5 * scale, 1e-6));
  }
}

const cases = [...book.book, ...extension, ...fixtures]
  .map((f) => f as unknown as Record<string, JsonValue>)
  .filter((f) => fastPathMiss(resolveConfig(f.config)) === null);

describe.each([
  ['relaxed', 1],
  ['plain', 1],
  ['relaxed', 2],
  ['plain', 2],
] as const)('kernel MHA forward (%s build, %i thread(s))', (build, threads) => {
  let team: Team;
  let mha: KernelMha;
  beforeAll(async () => {
    team = await nodeTeam(build, threads);
    mha = new KernelMha(team);
  });
  afterAll(() => team.stop());

  it('covers a real share of the PyTorch fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it('matches every PyTorch fixture it supports, tensor by tensor', () => {
    for (const oracle of cases) {
      const ours = kernelTrace(mha, resolveConfig(oracle.config));
      expectTraceMatches(ours, oracle, (_, values) =>
        Math.max(1e-5 * Math.max(...values.map(Math.abs)), 1e-7),
      );
    }
  });

  it('matches the reference engine on random shapes (odd sizes, bias, batch, causal or not)', () => {
    fc.assert(
      fc.property(
        fc.record({
          t: fc.integer({ min: 1, max: 40 }),
          dIn: fc.integer({ min: 1, max: 37 }),
          heads: fc.integer({ min: 1, max: 4 }),
          hd: fc.integer({ min: 1, max: 19 }),
          variant: fc.constantFrom('v2', 'causal', 'mha'),
          causal: fc.boolean(),
          qkv_bias: fc.boolean(),
          batch: fc.integer({ min: 1, max: 2 }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        (r) => {
          const heads = r.variant === 'mha' ? r.heads : 1;
          const config: AttentionConfig = resolveConfig({
            variant: r.variant as 'v2' | 'causal' | 'mha',
            embeddings: Array.from({ length: r.t }, (_, i) =>
              Array.from({ length: r.dIn }, (_, j) => Math.sin(i * 7.1 + j * 3.3 + r.seed)),
            ),
            d_out: heads * r.hd,
            num_heads: heads,
            causal: r.causal,
            qkv_bias: r.qkv_bias,
            batch: r.batch,
            seed: r.seed,
          });
          expectClose(kernelTrace(mha, config), forward(config));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is bit-identical run to run, and equal to the reference at GPT-2 head size', () => {
    const config = resolveConfig({
      variant: 'mha',
      embeddings: Array.from({ length: 70 }, (_, i) =>
        Array.from({ length: 96 }, (_, j) => Math.cos(i * 0.37 + j * 1.3)),
      ),
      d_out: 128,
      num_heads: 2,
      causal: true,
      qkv_bias: true,
    });
    const first = kernelTrace(mha, config);
    const second = kernelTrace(mha, config);
    expect(Array.from(second.output.data)).toEqual(Array.from(first.output.data));
    expect(Array.from(second.attn_weights.data)).toEqual(Array.from(first.attn_weights.data));
    expectClose(first, forward(config));
  });
});

describe('kernel MHA forward on a plain (non-shared) memory, as in a page without isolation', () => {
  it.each(['relaxed', 'plain'] as const)('%s build: one thread, same numbers', async (build) => {
    const team = await Team.start(kernelModule(build, true), build, 2, null, false);
    expect(team.threads).toBe(1);
    expect(team.memory.buffer).toBeInstanceOf(ArrayBuffer);
    const config = resolveConfig({ variant: 'mha', num_heads: 2, d_out: 6, qkv_bias: true });
    expectClose(kernelTrace(new KernelMha(team), config), forward(config));
  });
});

/** n values cos(i·f): inputs and weights of any size, the same every run. */
const cos = (n: number, f: number) => Float32Array.from({ length: n }, (_, i) => Math.cos(i * f));

/** A d × d layer's weights (torch's layout) from cosines; `outProj` adds out_proj with a bias. */
function cosWeights(d: number, outProj: boolean, query = 0.7, key = 1.1) {
  return {
    W_query: cos(d * d, query),
    W_key: cos(d * d, key),
    W_value: cos(d * d, 0.3),
    b_query: null,
    b_key: null,
    b_value: null,
    out_proj: outProj ? { weight: cos(d * d, 0.9), bias: cos(d, 0.5) } : null,
  };
}

/** An input [t, d] and the same with its rows from `from` on changed (an edit's). */
function editedInput(t: number, d: number, from: number, scale: number) {
  const before = Float32Array.from(cos(t * d, 0.37), (v) => v * scale);
  const after = before.slice();
  for (let k = from * d; k < t * d; k++) after[k] = Math.sin(k * 0.23) * scale;
  return { before, after };
}

/** Causal attention of one batch, weights kept: the GPT-2 step's kind of pass. */
const causalShape = (t: number, d: number, heads: number) => ({
  batch: 1,
  t,
  dIn: d,
  dOut: d,
  heads,
  causal: true,
  scaled: true,
  full: true,
});

describe('kernel MHA forward with the scores overwritten in place (scoresInPlace)', () => {
  it('gives the same weights and output bit for bit, keeps no scores, and takes less memory', async () => {
    const shape = {
      batch: 1,
      t: 300,
      dIn: 48,
      dOut: 48,
      heads: 3,
      causal: true,
      scaled: true,
      full: true,
    };
    const weights = {
      W_query: cos(48 * 48, 0.7),
      W_key: cos(48 * 48, 1.1),
      W_value: cos(48 * 48, 0.3),
      b_query: null,
      b_key: null,
      b_value: null,
      out_proj: { weight: cos(48 * 48, 0.9), bias: cos(48, 0.5) },
    };
    const x = cos(300 * 48, 0.37);
    const run = async (inPlace: boolean) => {
      const team = await nodeTeam('plain', 2);
      const mha = new KernelMha(team);
      mha.forward({ ...shape, scoresInPlace: inPlace }, weights, x);
      const out = {
        weights: Array.from(mha.view('weights')),
        out: Array.from(mha.view('out')),
        bytes: team.memory.buffer.byteLength,
        scores: inPlace ? null : mha.view('scores'),
      };
      if (inPlace) expect(() => mha.view('scores')).toThrow(/no scores/);
      team.stop();
      return out;
    };
    const kept = await run(false);
    const inPlace = await run(true);
    expect(inPlace.weights).toEqual(kept.weights);
    expect(inPlace.out).toEqual(kept.out);
    expect(inPlace.bytes).toBeLessThan(kept.bytes);
  });
});

describe('kernel MHA row stats (rowStats): each attention row’s entropy and mean key index', () => {
  /** From the weights, in float64: −Σ w ln w and Σ w·j over row i of block b. */
  function fromWeights(w: Float32Array, t: number, b: number, i: number, causal: boolean) {
    let entropy = 0;
    let mean = 0;
    const len = causal ? i + 1 : t;
    for (let j = 0; j < len; j++) {
      const v = w[(b * t + i) * t + j];
      if (v > 0) entropy -= v * Math.log(v);
      mean += v * j;
    }
    return { entropy, mean };
  }

  it('equal −Σ w ln w and Σ w·j of the weights, which are bit for bit those of a pass without them', async () => {
    const team = await nodeTeam('relaxed', 2);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 70 }),
          fc.constantFrom(1, 2, 4),
          fc.boolean(),
          fc.double({ min: 0.05, max: 3, noNaN: true }),
          async (t, heads, causal, spread) => {
            const dOut = heads * 8;
            const shape = { batch: 2, t, dIn: 12, dOut, heads, causal, scaled: true, full: true };
            const weights = {
              ...cosWeights(1, false),
              W_query: cos(dOut * 12, 0.7 * spread),
              W_key: cos(dOut * 12, 1.1),
              W_value: cos(dOut * 12, 0.3),
            };
            const x = Float32Array.from(cos(2 * t * 12, 0.37), (v) => v * spread * 4);
            const mha = new KernelMha(team);
            mha.forward(shape, weights, x);
            const plain = Array.from(mha.view('weights'));
            expect(() => mha.view('stats')).toThrow(/no row stats/);
            mha.forward({ ...shape, rowStats: true }, weights, x);
            const w = mha.view('weights');
            expect(Array.from(w)).toEqual(plain);
            const stats = mha.view('stats');
            expect(stats).toHaveLength(2 * heads * t * 2);
            for (let b = 0; b < 2 * heads; b++)
              for (let i = 0; i < t; i++) {
                const want = fromWeights(w, t, b, i, causal);
                const k = (b * t + i) * 2;
                expect(stats[k]).toBeGreaterThanOrEqual(0);
                expect(Math.abs(stats[k] - want.entropy)).toBeLessThan(
                  2e-5 * Math.max(1, want.entropy),
                );
                expect(Math.abs(stats[k + 1] - want.mean)).toBeLessThan(
                  2e-5 * Math.max(1, want.mean),
                );
              }
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      team.stop();
    }
  });

  it('a row looking at one key has entropy 0; uniform rows ln(i + 1) and i / 2', async () => {
    const team = await nodeTeam('plain', 1);
    const t = 40;
    const mha = new KernelMha(team);
    // Zero weights, all scores 0: every causal row uniform over its i + 1 keys.
    const zero = new Float32Array(64);
    const weights = { ...cosWeights(8, false), W_query: zero, W_key: zero, W_value: zero };
    mha.forward({ ...causalShape(t, 8, 1), rowStats: true }, weights, new Float32Array(t * 8));
    const stats = mha.view('stats');
    expect(stats[0]).toBe(0);
    expect(stats[1]).toBe(0);
    for (let i = 1; i < t; i++) {
      expect(stats[i * 2]).toBeCloseTo(Math.log(i + 1), 6);
      expect(stats[i * 2 + 1]).toBeCloseTo(i / 2, 5);
    }
    team.stop();
  });

  it('an edit’s rows (forwardRows) get the stats a whole pass gives them, bit for bit', async () => {
    const team = await nodeTeam('relaxed', 2);
    const t = 90;
    const d = 24;
    const from = 61;
    const shape = { ...causalShape(t, d, 3), scoresInPlace: true, rowStats: true };
    const weights = cosWeights(d, true);
    const { before, after } = editedInput(t, d, from, 2);
    const mha = new KernelMha(team);
    mha.forward(shape, weights, after);
    const whole = Array.from(mha.view('stats'));
    mha.forward(shape, weights, before);
    mha.forwardRows(shape, weights, after.subarray(from * d), from);
    const edited = mha.view('stats');
    for (let h = 0; h < 3; h++)
      for (let i = from; i < t; i++)
        for (const c of [0, 1])
          expect(edited[(h * t + i) * 2 + c]).toBe(whole[(h * t + i) * 2 + c]);
    team.stop();
  });
});

describe('kernel MHA thumbnails (thumbSide): each map shrunk to S × S by block maxima', () => {
  /** Pixel (a, b): the largest w[i, j], j ≤ i, with ⌊i·S/T⌋ = a and ⌊j·S/T⌋ = b. */
  function blockMaxima(w: Float32Array, t: number, s: number, blk: number): number[] {
    const out = new Array<number>(s * s).fill(0);
    for (let i = 0; i < t; i++)
      for (let j = 0; j <= i; j++) {
        const k = Math.floor((i * s) / t) * s + Math.floor((j * s) / t);
        out[k] = Math.max(out[k], w[(blk * t + i) * t + j]);
      }
    return out;
  }

  it('equal the block maxima of the weights, for any T and S, and an edit’s equal a whole pass’s', async () => {
    const team = await nodeTeam('relaxed', 2);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 300 }),
          fc.integer({ min: 1, max: 140 }),
          fc.nat(),
          async (t, side, cut) => {
            const s = Math.min(side, t);
            const from = 1 + (cut % (t - 1));
            const d = 16;
            const shape = { ...causalShape(t, d, 2), scoresInPlace: true, thumbSide: s };
            const weights = cosWeights(d, false, 0.7, 1.3);
            const { before, after } = editedInput(t, d, from, 3);
            const mha = new KernelMha(team);
            mha.forward(shape, weights, after);
            const whole = Array.from(mha.view('thumbs'));
            const w = mha.view('weights');
            expect(whole).toHaveLength(2 * s * s);
            for (let blk = 0; blk < 2; blk++)
              expect(whole.slice(blk * s * s, (blk + 1) * s * s)).toEqual(
                blockMaxima(w, t, s, blk),
              );
            mha.forward(shape, weights, before);
            mha.forwardRows(shape, weights, after.subarray(from * d), from);
            expect(Array.from(mha.view('thumbs'))).toEqual(whole);
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      team.stop();
    }
  });

  it('none without thumbSide, and none for a non-causal map', async () => {
    const team = await nodeTeam('plain', 1);
    const shape = causalShape(8, 8, 1);
    const zero = new Float32Array(64);
    const w = { ...cosWeights(8, false), W_query: zero, W_key: zero, W_value: zero };
    const mha = new KernelMha(team);
    mha.forward(shape, w, new Float32Array(64));
    expect(() => mha.view('thumbs')).toThrow(/no thumbnails/);
    mha.forward({ ...shape, causal: false, thumbSide: 4 }, w, new Float32Array(64));
    expect(() => mha.view('thumbs')).toThrow(/no thumbnails/);
    mha.forward({ ...shape, thumbSide: 4 }, w, new Float32Array(64));
    // all scores 0: uniform rows, and their block maxima
    expect(Array.from(mha.view('thumbs'))).toEqual(blockMaxima(mha.view('weights'), 8, 4, 0));
    team.stop();
  });
});
