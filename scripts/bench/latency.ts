import type { Browser, Page } from '@playwright/test';
import { median, percentile } from '../../src/bench/cases.ts';
import type { BackendChoice } from '../../src/chapter/view.ts';

export interface LatencyRow {
  config: string;
  backend: string;
  edits: number;
  p50_ms: number;
  p95_ms: number;
  goal_ms: number;
  note: string;
}

/** Reads the page's `edit-to-paint` measures (marked by the app's store and StepPage). */
const measures = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('edit-to-paint').map((e) => e.duration));

/**
 * Edit → heatmap painted in the real app at book size: step 3.6.2 (multi-head attention on the
 * book's six tokens, three traces per edit), typing into "journey dimension 1" `edits` times.
 */
export async function appLatency(
  browser: Browser,
  base: string,
  edits: number,
): Promise<LatencyRow> {
  const page = await browser.newPage();
  await page.goto(`${base}/#/3.6.2`);
  const cell = page.getByLabel('journey dimension 1', { exact: true });
  await cell.waitFor();
  // Let ONNX Runtime come up and `auto` settle first: learners edit long after the first frame.
  await page.waitForTimeout(8000);
  for (let i = 0; i < 3; i++) await cell.fill(String(0.5 + i / 100));
  await page.waitForTimeout(500);
  const before = (await measures(page)).length;
  for (let i = 1; i <= edits; i++) {
    await cell.fill((0.55 + i * 1e-3).toFixed(3));
    await page.waitForFunction(
      (n) => performance.getEntriesByName('edit-to-paint').length >= n,
      before + i,
    );
  }
  const durations = (await measures(page)).slice(before);
  const backend = (await page.locator('details.backend').getAttribute('data-backend')) ?? '?';
  await page.close();
  return row(
    'book T=6 d=3 h=2 (app, step 3.6.2)',
    `auto → ${backend}`,
    durations,
    16,
    'the app as a learner uses it',
  );
}

/** Edit → heatmaps painted for a GPT-2-small layer (bench.html's LatencyBench, 12 canvases). */
export async function layerLatency(
  browser: Browser,
  base: string,
  edits: number,
  backend: BackendChoice,
): Promise<LatencyRow> {
  const page = await browser.newPage();
  await page.goto(`${base}/bench.html`);
  const run = await page.evaluate((r) => window.attentionLabLatency.run(r), {
    T: 256,
    d: 768,
    heads: 12,
    edits,
    backend,
  });
  await page.close();
  const used = [...new Set(run.backends)].join(', ');
  return row(
    'T=256 d=768 h=12 (GPT-2 layer)',
    `${backend} → ${used}`,
    run.durations,
    50,
    'full trace, 12 heads drawn',
  );
}

function row(
  config: string,
  backend: string,
  durations: number[],
  goal: number,
  note: string,
): LatencyRow {
  return {
    config,
    backend,
    edits: durations.length,
    p50_ms: median(durations),
    p95_ms: percentile(durations, 95),
    goal_ms: goal,
    note,
  };
}
