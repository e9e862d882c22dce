import * as ort from 'onnxruntime-web';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  blockSizes,
  buildFastMhaGraph,
  type FastMhaSpec,
} from '../../src/engine/ort/fast-graph.ts';
import { buildAttentionGraph, graphSpecOf } from '../../src/engine/ort/graph.ts';
import { GraphBuilder, MAX_CONCAT_INPUTS } from '../../src/engine/ort/graph-builder.ts';
import { createFastMha, type FastMha } from '../../src/engine/ort/run-fast.ts';
import { drawParams } from '../../src/engine/params.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { forward } from '../../src/engine/run.ts';
import { TorchGenerator } from '../../src/rng/index.ts';

// Compiling ORT's WASM takes seconds on a loaded machine; the first run of each file waits for it.
vi.setConfig({ testTimeout: 60_000 });

ort.env.wasm.numThreads = 1;

const opened: FastMha[] = [];
afterAll(() => Promise.all(opened.map((s) => s.release())));

/** Deterministic embeddings in [-1, 1) without touching the engine's torch stream. */
function embeddings(t: number, d: number, seed: number): number[][] {
  let s = seed;
  const next = () => {
    s = (s * 16807) % 2147483647;
    return (s / 2147483647) * 2 - 1;
  };
  return Array.from({ length: t }, () => Array.from({ length: d }, next));
}

const maxAbs = (xs: Float32Array) => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

const cases: [string, FastMhaSpec][] = [
  ['T=1', { T: 1, d_in: 3, d_out: 4, heads: 2, causal: true }],
  ['T=6 (the book), 8 blocks capped at T', { T: 6, d_in: 3, d_out: 2, heads: 2, causal: true }],
  ['T=13, 8 blocks of 2 and 1', { T: 13, d_in: 5, d_out: 6, heads: 3, causal: true }],
  [
    'T=37, 4 blocks, qkv_bias',
    { T: 37, d_in: 16, d_out: 8, heads: 2, causal: true, blocks: 4, qkv_bias: true },
  ],
  ['T=100, batch 2', { T: 100, d_in: 24, d_out: 24, heads: 4, causal: true, batch: 2 }],
  ['T=64, 64 heads of width 1', { T: 64, d_in: 8, d_out: 64, heads: 64, causal: true, blocks: 5 }],
  ['T=50, not causal (one block)', { T: 50, d_in: 12, d_out: 12, heads: 3, causal: false }],
  [
    'T=40, 20 blocks (Concats two deep)',
    { T: 40, d_in: 6, d_out: 6, heads: 2, causal: true, blocks: 20 },
  ],
  [
    'T=50, 50 blocks (Concats three deep)',
    { T: 50, d_in: 4, d_out: 4, heads: 1, causal: true, blocks: 50 },
  ],
];

describe('the fast causal MHA graph matches the reference `mha` output', () => {
  it.each(
    cases.flatMap(
      ([name, spec]) =>
        [
          [`${name}, weights fed`, spec, false],
          [`${name}, weights baked`, spec, true],
        ] as const,
    ),
  )('%s', async (_, spec, baked) => {
    const config = resolveConfig({
      variant: 'mha',
      embeddings: embeddings(spec.T, spec.d_in, spec.T * 31 + spec.d_in),
      d_out: spec.d_out,
      num_heads: spec.heads,
      causal: spec.causal,
      qkv_bias: spec.qkv_bias ?? false,
      batch: spec.batch ?? 1,
      seed: 7,
    });
    const weights = drawParams(config, spec.d_in, new TorchGenerator(config.seed)).named;
    const ref = forward(config);
    const fast = await createFastMha(ort, spec, baked ? { bakedWeights: weights } : {});
    opened.push(fast);
    const x = new Float32Array(ref.output.shape[0] * spec.T * spec.d_in);
    const row = Float32Array.from(config.embeddings.flat());
    for (let b = 0; b < (spec.batch ?? 1); b++) x.set(row, b * row.length);
    const out = await fast.run(x, baked ? undefined : weights);
    expect(out.length).toBe(ref.output.data.length);
    const tol = 1e-5 * Math.max(1, maxAbs(ref.output.data));
    let worst = 0;
    ref.output.data.forEach((w, i) => {
      worst = Math.max(worst, Math.abs(out[i] - w));
    });
    expect(worst).toBeLessThanOrEqual(tol);
  });

  it('asks for the weights when they are not baked in', async () => {
    const fast = await createFastMha(ort, { T: 2, d_in: 2, d_out: 2, heads: 1, causal: true });
    opened.push(fast);
    await expect(fast.run(new Float32Array(4))).rejects.toThrow(/pass them to run/);
  });
});

describe('query blocks', () => {
  it.each([
    [13, 8, [2, 2, 2, 2, 2, 1, 1, 1]],
    [16, 8, [2, 2, 2, 2, 2, 2, 2, 2]],
    [1, 8, [1]],
    [5, 1, [5]],
    [3, 0, [3]],
  ])('T=%d in %d blocks', (t, n, want) => {
    expect(blockSizes(t, n)).toEqual(want);
    expect(blockSizes(t, n).reduce((a, b) => a + b, 0)).toBe(t);
  });
});

describe('WebGPU binding limit', () => {
  // JSEP binds each input and output of Split and Concat as a storage buffer of one shader,
  // and ORT keeps WebGPU's default of 8 per stage: more fails validation and gives wrong output.
  const graphs: [string, () => unknown][] = [8, 9, 20, 50, 64].map((n) => [
    `the ${n}-block fast graph`,
    () => buildFastMhaGraph({ T: 64, d_in: 8, d_out: 8, heads: 2, causal: true, blocks: n }),
  ]);
  graphs.push([
    'the 8-head wrapper trace graph',
    () => buildAttentionGraph(graphSpecOf(resolveConfig({ variant: 'mha_wrapper', num_heads: 8 }))),
  ]);
  it.each(graphs)('no node of %s binds more than 8 tensors', (_, build) => {
    const node = vi.spyOn(GraphBuilder.prototype, 'node');
    try {
      build();
      const concats = node.mock.calls.filter(([op]) => op === 'Concat');
      expect(concats.length).toBeGreaterThan(0);
      for (const [op, inputs] of node.mock.calls) {
        expect(inputs.length + 1, op).toBeLessThanOrEqual(8);
      }
      for (const [, inputs] of concats) {
        expect(inputs.length).toBeLessThanOrEqual(MAX_CONCAT_INPUTS);
      }
    } finally {
      node.mockRestore();
    }
  });
});
