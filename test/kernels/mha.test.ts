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
    const cos = (n: number, f: number) =>
      Float32Array.from({ length: n }, (_, i) => Math.cos(i * f));
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
