import type { Browser } from '@playwright/test';
import { type LatencyRow, row } from './latency.ts';

/**
 * Marked by app/steps/StepPage.tsx once the step's first results are in the page: the live app,
 * mounted over the build's inert copy of the landing view (scripts/prerender-landing.ts).
 */
export const STEP_PAINT_MARK = 'step-first-paint';

interface ColdRun {
  fcp_ms: number;
  heatmaps_ms: number;
}

/** One fresh context (empty HTTP cache) opening `link`: its first contentful paint and heatmaps. */
async function coldRun(browser: Browser, url: string): Promise<ColdRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const measured = await page.waitForFunction(
      (mark) => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const drawn = performance.getEntriesByName(mark)[0];
        return fcp && drawn ? { fcp_ms: fcp.startTime, heatmaps_ms: drawn.startTime } : null;
      },
      STEP_PAINT_MARK,
      { timeout: 60_000 },
    );
    return (await measured.jsonValue()) as ColdRun;
  } finally {
    await context.close();
  }
}

/**
 * Cold load of the app at the book's §3.3.1: a fresh browser context per run, 1280×720, after one
 * warm-up run (the preview server's own first requests). Two rows: navigation → first contentful
 * paint, and navigation → the step's heatmaps in the page (so a blank shell cannot meet the goal).
 */
export async function firstPaintColdLoad(
  browser: Browser,
  base: string,
  runs: number,
): Promise<LatencyRow[]> {
  const url = `${base}/#/3.3.1`;
  const warm = await coldRun(browser, url);
  console.error(
    `bench: first paint, warm-up run (not counted): FCP ${warm.fcp_ms.toFixed(0)} ms, heatmaps ${warm.heatmaps_ms.toFixed(0)} ms`,
  );
  const measured: ColdRun[] = [];
  for (let i = 1; i <= runs; i++) {
    const r = await coldRun(browser, url);
    console.error(
      `bench: first paint ${i}: FCP ${r.fcp_ms.toFixed(0)} ms, heatmaps ${r.heatmaps_ms.toFixed(0)} ms`,
    );
    measured.push(r);
  }
  const note = 'navigation →, fresh context (empty cache) per run, 1280×720';
  return [
    row(
      'app cold load → first contentful paint (§3.3.1)',
      'page',
      measured.map((r) => r.fcp_ms),
      1000,
      `${note}; paint entry first-contentful-paint (the build's inert copy of the view)`,
    ),
    row(
      'app cold load → the step’s heatmaps drawn (§3.3.1)',
      'page',
      measured.map((r) => r.heatmaps_ms),
      1000,
      `${note}; mark ${STEP_PAINT_MARK} (the live app, editable)`,
    ),
  ];
}
