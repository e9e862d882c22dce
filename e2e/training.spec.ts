import { type ElementHandle, expect, type Page, test } from '@playwright/test';
import { collectErrors, readTable } from './support/tables.ts';

// Training runs in a worker on a shared 2-core machine: generous waits, no timing asserted.
test.describe.configure({ timeout: 360_000, mode: 'serial' });
// Playwright's own tracing snapshots the DOM on the page's main thread, inside the window the
// responsiveness test measures: off here, so its figures are the page's.
test.use({ trace: 'off' });

/** The line under the controls: "step 42 · loss … · ‖∇‖ …". */
function trainingStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /^(step \d+|starting)/ });
}

/** The step number the status line shows ("step 42 · loss …"). */
async function shownStep(page: Page): Promise<number> {
  const text = await trainingStatus(page).textContent();
  const m = /step (\d+)/.exec(text ?? '');
  if (!m) throw new Error(`no step in "${text}"`);
  return Number(m[1]);
}

/** Paused, the panels catch up over a few frames; the page is aria-busy until they have. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'training' })).not.toHaveAttribute(
    'aria-busy',
    'true',
    { timeout: 15_000 },
  );
}

/** The training page at 1280×720 on the reference engine, before its first step. */
async function openTraining(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?backend=reference#/train');
  await expect(trainingStatus(page)).toContainText('step 0', { timeout: 30_000 });
}

async function trainUntil(page: Page, steps: number): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => shownStep(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(steps);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await settled(page);
}

test('train, pause, scrub, share the link, reopen: same step and numbers', async ({
  page,
  browser,
}) => {
  const errors = collectErrors(page);
  await openTraining(page);
  await page.getByLabel('speed').selectOption('4');
  await trainUntil(page, 40);
  const paused = await shownStep(page);
  // Paused means paused: no step is taken while nothing is pressed.
  await page.waitForTimeout(300);
  expect(await shownStep(page)).toBe(paused);

  // Scrub back to step 10: the weights of that step, not the newest.
  const newest = await readTable(page, 'attention weights');
  await page.getByRole('slider', { name: 'training step' }).fill('10');
  await expect(trainingStatus(page)).toContainText('step 10 ', { timeout: 15_000 });
  await settled(page);
  const atTen = await readTable(page, 'attention weights');
  expect(atTen.cells).not.toEqual(newest.cells);
  const status = await trainingStatus(page).textContent();

  // Share the view on screen (the address bar lags by its debounce): a fresh page replays the
  // link to step 10. Without clipboard access the link is shown in a field to copy by hand.
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await page.getByRole('button', { name: 'Share link' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this view' });
  await expect(field).toHaveValue(/#\/train\?s=/);
  const link = await field.inputValue();
  const other = await browser.newPage();
  await other.goto(link);
  await expect(trainingStatus(other)).toHaveText(status ?? '', {
    timeout: 20_000,
  });
  await settled(other);
  expect((await readTable(other, 'attention weights')).cells).toEqual(atTen.cells);
  expect(await readTable(other, 'W_query')).toEqual(await readTable(page, 'W_query'));
  await other.close();
  expect(errors).toEqual([]);
});

test('tiny gradients print as PyTorch prints them, never as a matrix of 0.0000', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openTraining(page);
  await page.getByLabel('speed').selectOption('16');
  // By step 100 the previous-token task has nearly converged: ∂loss/∂W_query is ~1e-5.
  await trainUntil(page, 100);
  const name = '∂loss/∂W_query';
  const { cells } = await readTable(page, name);
  // The whole tensor in PyTorch's notation, "-3.2146e-05": none reads as 0.0000.
  for (const text of cells.flat()) expect(text).toMatch(/^-?\d\.\d{4}e[+-]\d{2}$/);
  const values = cells.flat().map(Number);
  const largest = Math.max(...values.map(Math.abs));
  expect(largest).toBeGreaterThan(0);
  expect(largest).toBeLessThan(1e-3);

  // The largest gradient, hovered: the backward pass spells it out from the weights in float64,
  // apart from the worker's float32 reverse mode; the two agree within 10 %.
  const at = values.findIndex((v) => Math.abs(v) === largest);
  const [row, col] = [Math.floor(at / cells[0].length), at % cells[0].length];
  const picture = page.getByRole('img', { name: /^Heatmap of ∂loss\/∂W_query:/ });
  const cell = picture.locator(`[data-row="${row}"][data-col="${col}"]`);
  await cell.hover();
  const backward = page.getByRole('region', { name: 'backward pass' }).locator('p').first();
  await expect(backward).toContainText(`∂loss/∂W_query[${row + 1},${col + 1}] =`);
  const total = Number((await backward.textContent())?.split('=').pop());
  expect(Math.abs(values[at] - total)).toBeLessThanOrEqual(0.1 * Math.abs(total));
  // The picture prints the same number short ("-3.2e-5"), its legend's ends ±the largest.
  const printed = Number(await cell.locator('text').textContent());
  expect(Math.abs(printed - values[at])).toBeLessThanOrEqual(0.05 * largest);
  const ends = await picture.locator('.legend text').allTextContents();
  expect(Math.abs(Number(ends.at(-1)) - largest)).toBeLessThanOrEqual(0.05 * largest);
  await picture.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/training/gradients-1280.png' });
  expect(errors).toEqual([]);
});

test('the previous-token task learns its pattern; the page stays responsive', async ({
  page,
  browser,
}, info) => {
  await openTraining(page);
  await page.getByLabel('speed').selectOption('16');
  // Everything the test needs is found before the measurement: Playwright's role queries walk the
  // DOM on the page's main thread, and would count as the page's long tasks.
  const status = await trainingStatus(page).elementHandle();
  const region = await page.getByRole('region', { name: 'training' }).elementHandle();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const pause = await page.getByRole('button', { name: 'Pause', exact: true }).elementHandle();
  await page.evaluate(watchFrames, [status, pause] as const);
  // Waited for inside the page: 300 steps learn the pattern, and 3 s of playing make the frame
  // rate a figure.
  await page.waitForFunction(
    (el) => {
      const w = window as unknown as Watch;
      const step = Number(/step (\d+)/.exec(el?.textContent ?? '')?.[1] ?? 0);
      return step >= 300 && w.firstFrame > 0 && performance.now() - w.firstFrame > 3000;
    },
    status,
    { polling: 250, timeout: 120_000 },
  );
  // "After Pause" starts when the press reaches the button (watchFrames): the frames drawn while
  // Playwright checks the button is ready to click are still playing ones.
  await pauseAndSettle(page, pause, region);
  const w = await page.evaluate(() => {
    const { longest, frames, firstFrame, pausedAt, firstStep, stepAtPause } =
      window as unknown as Watch;
    return { longest, frames, firstFrame, pausedAt, firstStep, stepAtPause };
  });
  const seconds = (w.pausedAt - w.firstFrame) / 1000;
  const { cells } = await readTable(page, 'attention weights');
  // Thread (CPU) time from a Chrome trace, in a second stretch of training: tracing costs the
  // browser CPU of its own, so the wall-clock figures above were taken without it.
  await page.evaluate(
    (button) =>
      button?.addEventListener('pointerdown', () => performance.mark('pause'), {
        capture: true,
        once: true,
      }),
    pause,
  );
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForTimeout(2500);
  await pauseAndSettle(page, pause, region);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as ChromeTrace;
  const cpu = longestOnCpu(trace);
  // Figures for the report (timings are not asserted: the machine is shared). Wall time counts
  // the time other processes had the CPU; the trace's thread time is the page's own work.
  const figures = [
    `playing: longest main-thread task ${w.longest.play.toFixed(0)} ms (on CPU ${cpu.play.toFixed(0)} ms; main thread on CPU ${(cpu.busy * 100).toFixed(0)}% of the time)`,
    `${w.frames} frames drawn in ${seconds.toFixed(1)} s: ${(w.frames / seconds).toFixed(1)}/s`,
    `${w.stepAtPause - w.firstStep} steps: ${((w.stepAtPause - w.firstStep) / seconds).toFixed(0)} steps/s at 16 steps/frame`,
    `after Pause: longest task ${w.longest.pause.toFixed(0)} ms (on CPU ${cpu.pause.toFixed(0)} ms)`,
  ].join('; ');
  info.annotations.push({ type: 'figures', description: figures });
  console.log(figures);
  const argmax = cells.map((row) => row.map(Number).indexOf(Math.max(...row.map(Number))));
  expect(argmax).toEqual([0, 0, 1, 2, 3, 4]);
  await page.screenshot({ path: 'test-results/training/train-1280.png', fullPage: true });
  await page.setViewportSize({ width: 375, height: 720 });
  await page.screenshot({ path: 'test-results/training/train-375.png', fullPage: true });
});

/** Presses Pause, then waits until every panel shows the last step (no longer aria-busy). */
async function pauseAndSettle(
  page: Page,
  pause: ElementHandle<Element> | null,
  region: ElementHandle<Element> | null,
): Promise<void> {
  await pause?.click();
  await page.waitForFunction(
    ([button, section]) =>
      button?.textContent === 'Train' && section?.getAttribute('aria-busy') !== 'true',
    [pause, region] as const,
    { polling: 100, timeout: 15_000 },
  );
  await page.waitForTimeout(500);
}

/** What the page records while training plays: longest tasks per phase, frames drawn. */
interface Watch {
  phase: 'play' | 'pause';
  longest: { play: number; pause: number };
  /** Animation frames in which the step on screen changed. */
  frames: number;
  firstFrame: number;
  firstStep: number;
  pausedAt: number;
  stepAtPause: number;
}

/**
 * In the page: a long-task observer, a frame counter that watches the status line, and the
 * moment Pause is pressed (a task that ends after it counts as after Pause: it holds the press).
 */
function watchFrames([status, pause]: readonly [Element | null, Element | null]): void {
  const w = window as unknown as Watch;
  Object.assign(w, {
    phase: 'play',
    longest: { play: 0, pause: 0 },
    frames: 0,
    firstFrame: 0,
    pausedAt: 0,
  });
  pause?.addEventListener(
    'pointerdown',
    () => {
      [w.phase, w.pausedAt] = ['pause', performance.now()];
      performance.mark('pause');
    },
    { capture: true, once: true },
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const phase = w.pausedAt && e.startTime + e.duration >= w.pausedAt ? 'pause' : 'play';
      w.longest[phase] = Math.max(w.longest[phase], e.duration);
    }
  }).observe({ type: 'longtask' });
  const stepOf = () => Number(/step (\d+)/.exec(status?.textContent ?? '')?.[1] ?? 0);
  let seen = status?.textContent;
  const tick = (now: number) => {
    if (w.phase === 'play' && status?.textContent !== seen) {
      seen = status?.textContent;
      if (!w.firstFrame) [w.firstFrame, w.firstStep] = [now, stepOf()];
      else w.frames++;
      w.stepAtPause = stepOf();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

interface ChromeTrace {
  traceEvents: {
    name: string;
    ts: number;
    pid: number;
    tid: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string };
  }[];
}

/**
 * The page's main thread in thread (CPU) time: its longest task before and after Pause, ms, and
 * the share of the time before Pause it spent on the CPU.
 */
function longestOnCpu(trace: ChromeTrace): { play: number; pause: number; busy: number } {
  const ev = trace.traceEvents;
  const pausedAt = ev.find((e) => e.name === 'pause')?.ts ?? Number.POSITIVE_INFINITY;
  const mains = new Set(
    ev
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const longest = { play: 0, pause: 0 };
  let [first, onCpu] = [Number.POSITIVE_INFINITY, 0];
  for (const e of ev) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const phase = e.ts + (e.dur ?? 0) >= pausedAt ? 'pause' : 'play';
    longest[phase] = Math.max(longest[phase], (e.tdur ?? 0) / 1000);
    if (phase === 'play') [first, onCpu] = [Math.min(first, e.ts), onCpu + (e.tdur ?? 0)];
  }
  return { ...longest, busy: onCpu / (pausedAt - first) };
}

test('a bad learning rate is refused next to the field; training goes on with the last good one', async ({
  page,
}) => {
  await openTraining(page);
  const lr = page.getByLabel('learning rate');
  await lr.fill('-1');
  await expect(page.getByRole('alert')).toContainText('learning rate: must be above 0');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(trainingStatus(page)).toContainText('step 1 ', { timeout: 15_000 });
  // The backward pass of one weight, spelled out with this step's numbers.
  await expect(page.getByRole('region', { name: 'backward pass' })).toContainText(
    '∂loss/∂W_query[1,1] = Σᵢ xᵢ[1] · ∂loss/∂qᵢ[1]',
  );
});

test('the √d_k lesson trains with and without the scaling and draws both gradient norms', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openTraining(page);
  await page.getByRole('checkbox', { name: 'compare with and without 1/√d_k (d_k = 64)' }).check();
  const lesson = page.getByRole('region', { name: 'the lesson of √d_k' });
  const chart = lesson.getByRole('img', { name: /^gradient norm with and without scaling/ });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart).toHaveAttribute('aria-label', /150 steps, log scale/);
  // Both runs drawn: a solid line with the scaling, a dashed one without, each a real path.
  for (const series of ['path.curve:not(.compare)', 'path.curve.compare']) {
    const d = await chart.locator(series).first().getAttribute('d');
    expect((d ?? '').split('L').length).toBeGreaterThan(100);
  }
  await expect(lesson).toContainText('the softmax saturates');
  await expect(lesson).toContainText('learning stalls');
  await lesson.scrollIntoViewIfNeeded();
  await lesson.screenshot({ path: 'test-results/training/scaling-lesson-1280.png' });
  await page.setViewportSize({ width: 375, height: 720 });
  await page.screenshot({ path: 'test-results/training/scaling-lesson-375.png', fullPage: true });
  expect(errors).toEqual([]);
});
