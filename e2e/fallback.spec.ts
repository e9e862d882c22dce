import { expect, test } from '@playwright/test';
import { runAttention } from '../src/engine/run.ts';
import { traceToJson } from '../src/engine/trace-json.ts';
import { worstDifference } from './support/trace-diff.ts';

// Runs in the `chromium-no-webgpu` project: Chromium without --enable-unsafe-webgpu has no adapter.
test('without a WebGPU adapter, a forced WebGPU request is computed by the kernels and says why', async ({
  page,
}) => {
  await page.goto('/bench.html');
  const run = await page.evaluate(() =>
    window.attentionLabBench.traces([{ variant: 'mha_wrapper' }], 'webgpu'),
  );
  // Next in the policy: our WASM SIMD kernels (the wrapper runs as the graph on their ops).
  expect(run.backend).toBe('kernel');
  expect(run.available).toContain('kernel');
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
