import type { Browser, Page } from '@playwright/test';
import { median, percentile } from '../../src/bench/cases.ts';
import { type BackendChoice, defaultView } from '../../src/chapter/view.ts';
import { encodeView } from '../../src/permalink/index.ts';

export interface LatencyRow {
  config: string;
  backend: string;
  edits: number;
  p50_ms: number;
  p95_ms: number;
  goal_ms: number;
  note: string;
  /** The longest main-thread task during the edits (PerformanceObserver longtask), if measured. */
  longest_task_ms?: number | null;
  /** The page's JS heap after the edits (CDP Runtime.getHeapUsage after a GC), if measured. */
  heap_mb?: number | null;
  /** Bytes of tensors the worker sent to the page for the last edit, if measured. */
  bytes_per_edit?: number | null;
  /** Mean ms per edit of each stretch the page measured (`gpt2-*` measures), if measured. */
  breakdown_ms?: Record<string, number> | null;
}

/** Reads the page's `edit-to-paint` measures (marked by the app's store and StepPage). */
const measures = (page: Page, name = 'edit-to-paint') =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

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

/** Marked by app/gpt2/useEditToPaint.ts. */
const GPT2_MEASURE = 'gpt2-edit-to-paint';

/** A text of exactly `t` GPT-2 tokens ("a", then " word" and " words"); `variant` changes its last word. */
function textOf(t: number, variant: number): string {
  const words = Array.from({ length: t - 2 }, (_, i) => (i % 7 === 0 ? ' words' : ' word'));
  return `a${words.join('')}${[' cat', ' dog'][variant % 2]}`;
}

/** Edits made and measured before the counted ones (reported on stderr). */
const WARMUP_EDITS = 3;

/**
 * Edit (a changed word) → every visible heatmap painted, in the real app page: the Exercise 3.3
 * step at T tokens, 1280 × 720, its own worker. Also the longest main-thread task during the
 * edits, the bytes the last edit moved from the worker, and (with `heap`) the page's heap after
 * the edits.
 */
export async function gpt2Latency(
  browser: Browser,
  base: string,
  t: number,
  edits: number,
  heap: boolean,
): Promise<LatencyRow> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}/#/ex3.3`);
  // Found by role once: a role query walks the whole page (T chips) in the page's main thread,
  // a long task of the harness's own, not the app's.
  const box = await page.getByRole('textbox', { name: 'your text' }).elementHandle();
  if (!box) throw new Error('no text box on the GPT-2 step');
  const status = page.locator('.gpt2-status');
  await box.fill(textOf(t, 0));
  await status
    .filter({ hasText: `${t.toLocaleString('en')} tokens · computed` })
    .waitFor({ timeout: 300_000 });
  await page.waitForTimeout(1000);
  // The first edits after a text's whole pass run on code not yet optimised (the page's repaint
  // of changed rows, the worker's row path): counted apart, as the throughput rows' warm-up runs.
  const warm: number[] = [];
  for (let i = 1; i <= WARMUP_EDITS; i++) {
    const had = (await measures(page, GPT2_MEASURE)).length;
    await box.fill(textOf(t, i));
    await page.waitForFunction(
      ([name, n]) => performance.getEntriesByName(name as string).length >= (n as number),
      [GPT2_MEASURE, had + 1],
      { timeout: 120_000 },
    );
    warm.push(...(await measures(page, GPT2_MEASURE)).slice(had));
  }
  console.error(
    `bench: GPT-2 step T=${t}, warm-up edits (ms, not counted): ${warm.map((d) => d.toFixed(1)).join(' ')}`,
  );
  const before = (await measures(page, GPT2_MEASURE)).length;
  await page.evaluate((keep) => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    for (const e of performance.getEntriesByType('measure'))
      if (e.name.startsWith('gpt2-') && e.name !== keep) performance.clearMeasures(e.name);
  }, GPT2_MEASURE);
  for (let i = 1; i <= edits; i++) {
    await box.fill(textOf(t, WARMUP_EDITS + i));
    await page.waitForFunction(
      ([name, n]) => performance.getEntriesByName(name as string).length >= (n as number),
      [GPT2_MEASURE, before + i],
      { timeout: 120_000 },
    );
  }
  const durations = (await measures(page, GPT2_MEASURE)).slice(before);
  console.error(
    `bench: GPT-2 step T=${t}, each edit (ms): ${durations.map((d) => d.toFixed(1)).join(' ')}`,
  );
  const longest = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
  );
  const breakdown = await page.evaluate(
    ([keep, n]) => {
      const sums: Record<string, number> = {};
      for (const e of performance.getEntriesByType('measure'))
        if (e.name.startsWith('gpt2-') && e.name !== keep)
          sums[e.name.slice(5)] = (sums[e.name.slice(5)] ?? 0) + e.duration / (n as number);
      return sums;
    },
    [GPT2_MEASURE, edits] as const,
  );
  console.error(
    `bench: GPT-2 step T=${t}, mean ms per edit: ${Object.entries(breakdown)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}`,
  );
  const said = (await status.textContent()) ?? '';
  const sent = said.match(/([\d.]+) (kB|MB) sent/);
  const computedBy = said.match(/ms \(([^)]+)\)/)?.[1] ?? 'unknown';
  const bytes = sent ? Number(sent[1]) * (sent[2] === 'MB' ? 1e6 : 1e3) : null;
  let heapMb: number | null = null;
  if (heap) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    heapMb = usage.usedSize / 1e6;
  }
  await page.close();
  return {
    ...row(
      `GPT-2 step T=${t} (app, ex3.3)`,
      `own worker (${computedBy})`,
      durations,
      t >= 1024 ? 250 : 50,
      `a changed word → the visible maps painted, 1280×720, after ${WARMUP_EDITS} warm-up edits`,
    ),
    longest_task_ms: longest,
    heap_mb: heapMb,
    bytes_per_edit: bytes,
    breakdown_ms: breakdown,
  };
}

/**
 * Cold load → the step's first maps painted at T tokens: a fresh browser context (empty HTTP
 * cache) opens the step's permalink holding the text, `runs` times; each run is the page's
 * `gpt2-first-paint` measure (navigation → the thumbnails drawn: tokenizer, embedding rows,
 * kernels' start and the layer included).
 */
export async function gpt2ColdLoad(
  browser: Browser,
  base: string,
  t: number,
  runs: number,
): Promise<LatencyRow> {
  const link = encodeView({
    ...defaultView('ex3.3'),
    local: { text: textOf(t, 0), head: null, zoom: 1 },
  });
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${base}/${link}`);
    await page.waitForFunction(
      () => performance.getEntriesByName('gpt2-first-paint').length > 0,
      null,
      {
        timeout: 120_000,
      },
    );
    durations.push(...(await measures(page, 'gpt2-first-paint')));
    // In order of start: the page's marks and measures, and the worker's (`w-…`, its load, the
    // kernels' start, the prepare on both threads) placed on the page's clock.
    const marks = await page.evaluate(() =>
      performance
        .getEntries()
        .filter((e) => e.name.startsWith('gpt2-') && e.entryType !== 'longtask')
        .sort((a, b) => a.startTime - b.startTime)
        .map((e) => `${e.name.slice(5)} @${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`),
    );
    console.error(`bench: cold load ${i + 1}: ${marks.join(', ')}`);
    await context.close();
  }
  return row(
    `GPT-2 step T=${t} cold load (app, ex3.3)`,
    'own worker',
    durations,
    1500,
    'navigation → the 12 heads painted, fresh context (empty cache), 1280×720',
  );
}

export function row(
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
