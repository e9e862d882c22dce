import { expect, type Page, test } from '@playwright/test';
import { collectErrors, readTable } from './support/tables.ts';

// Training runs in a worker on a shared 2-core machine: generous waits, no timing asserted.
test.describe.configure({ timeout: 360_000, mode: 'serial' });

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

async function trainUntil(page: Page, steps: number): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => shownStep(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(steps);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

test('train, pause, scrub, share the link, reopen: same step and numbers', async ({
  page,
  browser,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?backend=reference#/train');
  await expect(trainingStatus(page)).toContainText('step 0', { timeout: 30_000 });
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
  expect((await readTable(other, 'attention weights')).cells).toEqual(atTen.cells);
  expect(await readTable(other, 'W_query')).toEqual(await readTable(page, 'W_query'));
  await other.close();
  expect(errors).toEqual([]);
});

test('the previous-token task learns its pattern; the page stays responsive', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?backend=reference#/train');
  await expect(trainingStatus(page)).toContainText('step 0', { timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { longest: number; frames: number };
    w.longest = 0;
    w.frames = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    // Frames drawn: animation frames in which the step on screen changed.
    const status = document.querySelector('.training-status');
    let seen = status?.textContent;
    const tick = () => {
      if (status?.textContent !== seen) [seen, w.frames] = [status?.textContent, w.frames + 1];
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByLabel('speed').selectOption('16');
  const start = Date.now();
  await trainUntil(page, 300);
  const seconds = (Date.now() - start) / 1000;
  const steps = await shownStep(page);
  const { longest, frames } = await page.evaluate(() => {
    const w = window as unknown as { longest: number; frames: number };
    return { longest: w.longest, frames: w.frames };
  });
  // Figures for the report (timings are not asserted: the machine is shared).
  info.annotations.push({
    type: 'figures',
    description: `longest main-thread task ${longest.toFixed(0)} ms; ${steps} steps in ${seconds.toFixed(1)} s (16 steps/frame: ${(steps / 16 / seconds).toFixed(0)} frames/s; ${frames} frames drawn: ${(frames / seconds).toFixed(0)}/s)`,
  });
  console.log(info.annotations.at(-1)?.description);
  const { cells } = await readTable(page, 'attention weights');
  const argmax = cells.map((row) => row.map(Number).indexOf(Math.max(...row.map(Number))));
  expect(argmax).toEqual([0, 0, 1, 2, 3, 4]);
  await page.screenshot({ path: 'test-results/training/train-1280.png', fullPage: true });
  await page.setViewportSize({ width: 375, height: 720 });
  await page.screenshot({ path: 'test-results/training/train-375.png', fullPage: true });
});

test('a bad learning rate is refused next to the field; training goes on with the last good one', async ({
  page,
}) => {
  await page.goto('/?backend=reference#/train');
  await expect(trainingStatus(page)).toContainText('step 0', { timeout: 30_000 });
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
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?backend=reference#/train');
  await expect(trainingStatus(page)).toContainText('step 0', { timeout: 30_000 });
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
