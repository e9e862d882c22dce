import { expect, test } from '@playwright/test';
import { runAttention } from '../src/engine/run.ts';
import { traceToJson } from '../src/engine/trace-json.ts';
import { worstDifference } from './support/trace-diff.ts';

// Runs in the `chromium-no-webgpu` project: Chromium without --enable-unsafe-webgpu has no adapter.
test('without a WebGPU adapter, a forced WebGPU request is computed by WASM and says why', async ({
  page,
}) => {
  await page.goto('/bench.html');
  const run = await page.evaluate(() =>
    window.attentionLabBench.traces([{ variant: 'mha_wrapper' }], 'webgpu'),
  );
  // The wrapper is not one the WASM SIMD kernels compute, so ORT's WASM is next in line.
  expect(run.backend).toBe('wasm');
  expect(run.available).toContain('wasm');
  expect(run.available).not.toContain('webgpu');
  expect(run.fallbacks.map((f) => f.reason).join('\n')).toMatch(
    /webgpu: (no adapter|this browser has no navigator\.gpu)/,
  );
  const { diff } = worstDifference(
    run.traces[0] as Record<string, never>,
    traceToJson(runAttention({ variant: 'mha_wrapper' })),
  );
  expect(diff).toBeLessThanOrEqual(1e-4);
});
