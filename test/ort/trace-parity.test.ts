import * as ort from 'onnxruntime-web';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AttentionConfig } from '../../src/engine/config.ts';
import { createOrtAttention } from '../../src/engine/ort/run-ort.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { forward } from '../../src/engine/run.ts';
import { TRACE_TENSORS, type Trace } from '../../src/engine/trace.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';
import { sumOrderTolerance } from '../engine/oracle-match.ts';
import book from '../fixtures/book.json' with { type: 'json' };
import extensions from '../fixtures/extension-traces.json' with { type: 'json' };
import random from '../fixtures/random-traces.json' with { type: 'json' };

// Compiling ORT's WASM takes seconds on a loaded machine; the first run of each file waits for it.
vi.setConfig({ testTimeout: 60_000 });

// One WASM thread: Node has no cross-origin isolation to worry about, but worker threads add
// start-up time and nothing to what these small graphs test.
ort.env.wasm.numThreads = 1;

const engine = createOrtAttention(ort, { executionProviders: ['wasm'], maxSessions: 4 });
afterAll(() => engine.release());

type Fixture = { config: Record<string, unknown> };
const configs = [
  ...(book.book as unknown as Fixture[]).map(
    (f, i) => [`book #${i} ${label(f.config)}`, f.config] as const,
  ),
  ...(random as unknown as Fixture[]).map(
    (f, i) => [`random #${i} ${label(f.config)}`, f.config] as const,
  ),
  ...(extensions as unknown as Fixture[]).map(
    (f, i) => [`extension #${i} ${label(f.config)}`, f.config] as const,
  ),
  // Our extensions, not in the oracle's fixtures: unscaled scores and the naive softmax.
  ['mha, scaled off', { variant: 'mha', scaled: false, num_heads: 2, d_out: 4 }] as const,
  ['simple, naive softmax', { variant: 'simple', softmax: 'naive' }] as const,
  [
    "mha sharing the wrapper's weights",
    { variant: 'mha', share_wrapper_weights: true, d_out: 4 },
  ] as const,
  [
    "mha sharing the wrapper's weights, bias, dropout",
    { variant: 'mha', share_wrapper_weights: true, qkv_bias: true, dropout: 0.5, training: true },
  ] as const,
  [
    'simple, naive softmax overflowing to NaN',
    { variant: 'simple', softmax: 'naive', embeddings: [[10], [9.5]] },
  ] as const,
  [
    'causal with bias and dropout, batch 3',
    { variant: 'mha_wrapper', qkv_bias: true, dropout: 0.3, training: true, batch: 3 },
  ] as const,
];

function label(c: Record<string, unknown>): string {
  const x = c.embeddings as number[][] | undefined;
  const size = x ? ` T=${x.length} d_in=${x[0].length}` : '';
  return `${c.variant}${size}${c.causal ? ' causal' : ''}${c.training ? ` dropout=${c.dropout}` : ''}`;
}

const maxAbs = (xs: Float32Array) =>
  xs.reduce((m, x) => (Number.isFinite(x) ? Math.max(m, Math.abs(x)) : m), 0);

/** ORT sums in float32 in its own order, the reference in float64: 1e-5 relative. */
function tolerance(ref: Trace, name: string, want: Tensor): number {
  const scaledScores = maxAbs(ref.attn_scores.data) * ref.scale;
  return sumOrderTolerance(1e-5, name, maxAbs(want.data), scaledScores);
}

function expectSameTrace(got: Trace, ref: Trace): void {
  expect(got.config).toEqual(ref.config);
  expect(got.scale).toBe(ref.scale);
  expect(Object.keys(got.params).sort()).toEqual(Object.keys(ref.params).sort());
  for (const [name, p] of Object.entries(ref.params))
    expect(got.params[name].data, name).toEqual(p.data);
  const cached = (t: Trace) =>
    t.cached
      ? {
          cached_output: t.cached.output,
          cached_keys: t.cached.keys,
          cached_values: t.cached.values,
          cached_weights: t.cached.attn_weights,
        }
      : {};
  const wanted = { ...ref, ...cached(ref) } as unknown as Record<string, Tensor | null | undefined>;
  const had = { ...got, ...cached(got) } as unknown as Record<string, Tensor | null | undefined>;
  for (const name of [
    ...TRACE_TENSORS,
    'cached_output',
    'cached_keys',
    'cached_values',
    'cached_weights',
  ]) {
    const want = wanted[name];
    const have = had[name];
    if (!want) {
      expect(have ?? null, name).toBeNull();
      continue;
    }
    expect(have, name).toBeTruthy();
    const g = have as Tensor;
    expect(g.shape, `${name} shape`).toEqual(want.shape);
    if (name === 'dropout_mask') {
      expect(g.data, name).toEqual(want.data);
      continue;
    }
    const tol = tolerance(ref, name, want);
    let worst = 0;
    let at = -1;
    want.data.forEach((w, i) => {
      const v = g.data[i];
      // −∞ (the mask) and NaN (the naive softmax's overflow) must sit in the same places.
      if (!Number.isFinite(w) || !Number.isFinite(v)) {
        expect(
          Object.is(v, w) || (Number.isNaN(v) && Number.isNaN(w)),
          `${name}[${i}] ${v} vs ${w}`,
        ).toBe(true);
        return;
      }
      const d = Math.abs(v - w);
      if (d > worst) {
        worst = d;
        at = i;
      }
    });
    expect(worst, `${name}: largest difference at flat index ${at}`).toBeLessThanOrEqual(tol);
  }
}

describe('ORT (WASM) reproduces the reference engine', () => {
  it.each(configs)('%s', async (_, input) => {
    const config: AttentionConfig = resolveConfig(input);
    expectSameTrace(await engine.run(config), forward(config));
  });
});
