import { expect, test } from '@playwright/test';
import type { AttentionConfigInput } from '../src/engine/config.ts';
import { runAttention } from '../src/engine/run.ts';
import { traceToJson } from '../src/engine/trace-json.ts';
import book from '../test/fixtures/book.json' with { type: 'json' };
import extension from '../test/fixtures/extension-traces.json' with { type: 'json' };
import random from '../test/fixtures/random-traces.json' with { type: 'json' };
import { worstDifference } from './support/trace-diff.ts';

/**
 * The book's configs, every randomized PyTorch fixture's config, and the page's most heads (8:
 * a Concat of 8 heads once broke ORT's WebGPU provider, see MAX_CONCAT_INPUTS).
 */
const configs = [
  ...[...book.book, ...random].map((t) => t.config),
  { variant: 'mha_wrapper', num_heads: 8 },
  { variant: 'mha', num_heads: 8, d_out: 16, qkv_bias: true },
] as Record<string, unknown>[];
const reference = configs.map((c) => traceToJson(runAttention(c)));

/** The configs our kernels compute (v2, causal, mha without dropout), and two larger ones. */
const kernelConfigs = [
  ...configs.filter(
    (c) =>
      ['v2', 'causal', 'mha'].includes(c.variant as string) && !(c.training && Number(c.dropout)),
  ),
  { variant: 'mha', num_heads: 12, d_out: 768, embeddings: wide(64, 96), qkv_bias: true },
  { variant: 'causal', d_out: 40, embeddings: wide(37, 20) },
] as Record<string, unknown>[];

function wide(t: number, d: number): number[][] {
  return Array.from({ length: t }, (_, i) =>
    Array.from({ length: d }, (_, j) => Math.sin(i * 0.7 + j * 1.1)),
  );
}

test('the WASM SIMD kernels agree with the reference engine within 1e-5 of scale', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/bench.html');
  expect(await page.evaluate(() => window.attentionLabBench.crossOriginIsolated)).toBe(true);
  const run = await page.evaluate(([c]) => window.attentionLabBench.traces(c, 'kernel'), [
    kernelConfigs,
  ] as const);
  expect(run.backend, `fell back: ${JSON.stringify(run.fallbacks)}`).toBe('kernel');
  // Relaxed SIMD validates in this Chromium: the FMA build on all cores.
  expect(run.label).toMatch(/^WASM SIMD kernels \(FMA\), \d+ threads?$/);
  const want = kernelConfigs.map((c) => traceToJson(runAttention(c)));
  run.traces.forEach((trace, i) => {
    const { tensor, diff } = worstDifference(trace as Record<string, never>, want[i]);
    expect(diff, `config ${i} (${kernelConfigs[i].variant}): ${tensor}`).toBeLessThanOrEqual(1e-5);
  });
});

test('the kernels compute every other config too (the engine graph on the kernel op set)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Everything the fast path leaves: simple/v1/wrapper/gqa, dropout, padding, the KV cache and
  // 3-D inputs. (Configs with a target go to the reference here: the page's worker computes the
  // forward pass, the training worker trains; training on the kernels is tested in Node.)
  const others = [...configs, ...extension.map((t) => t.config)]
    .filter((c) => !kernelConfigs.includes(c as Record<string, unknown>))
    .map((c) => c as Record<string, unknown>);
  await page.goto('/bench.html');
  const run = await page.evaluate(([c]) => window.attentionLabBench.traces(c, 'kernel'), [
    others,
  ] as const);
  expect(run.backend, `fell back: ${JSON.stringify(run.fallbacks)}`).toBe('kernel');
  // The badge names the first config's backend: none of the others may have fallen back either.
  expect(run.fallbacks.filter((f) => f.backend === 'kernel')).toEqual([]);
  others.forEach((c, i) => {
    const { tensor, diff } = worstDifference(
      run.traces[i] as Record<string, never>,
      traceToJson(runAttention(c)),
    );
    expect(diff, `config ${i} (${c.variant}): ${tensor}`).toBeLessThanOrEqual(1e-5);
  });
});

test.describe('ONNX Runtime backends in the browser agree with the reference engine', () => {
  test.setTimeout(120_000);

  for (const backend of ['wasm', 'webgpu'] as const) {
    test(`${backend}: ${configs.length} configs within 1e-4`, async ({ page }) => {
      await page.goto('/bench.html');
      const run = await page.evaluate(([c, b]) => window.attentionLabBench.traces(c, b), [
        configs,
        backend,
      ] as const);
      expect(run.backend, `fell back: ${JSON.stringify(run.fallbacks)}`).toBe(backend);
      run.traces.forEach((trace, i) => {
        const { tensor, diff } = worstDifference(trace as Record<string, never>, reference[i]);
        expect(diff, `config ${i} (${configs[i].variant}): ${tensor}`).toBeLessThanOrEqual(1e-4);
      });
    });
  }

  test('losing the WebGPU device mid-session falls back to the next backend with the same numbers', async ({
    page,
  }) => {
    await page.goto('/bench.html');
    const book6: AttentionConfigInput[] = [
      { variant: 'mha' },
      { variant: 'causal', dropout: 0.5, training: true },
    ];
    const before = await page.evaluate((c) => window.attentionLabBench.traces(c, 'webgpu'), book6);
    expect(before.backend).toBe('webgpu');
    await page.evaluate(() => window.attentionLabBench.loseDevice());
    const after = await page.evaluate((c) => window.attentionLabBench.traces(c, 'webgpu'), book6);
    // Next in the policy: our kernels (they compute mha), then ORT's WASM.
    expect(after.backend).toBe('kernel');
    expect(after.fallbacks.map((f) => f.reason).join('\n')).toContain('device lost');
    after.traces.forEach((trace, i) => {
      expect(
        worstDifference(trace as Record<string, never>, before.traces[i] as Record<string, never>)
          .diff,
      ).toBeLessThanOrEqual(1e-4);
    });
  });
});
