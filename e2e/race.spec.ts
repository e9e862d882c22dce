import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { chooseRace, implBox, runRace } from './support/race.ts';
import { collectErrors, readTable, screenshotWhole } from './support/tables.ts';

// The race times real work in a worker on a shared 2-core machine: generous waits, and no
// timing is asserted — only that every runner computes the same numbers and the page says so.
test.describe.configure({ timeout: 360_000, mode: 'serial' });

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/race';

/** Column indexes of the results table's cells (after the row header). */
const COL = { T: 0, d: 1, ms: 2, runs: 3, diff: 4, rel: 5, gflops: 6 } as const;

test('a small race: every runner within 1e-5 of scale, a line each, copyable, linkable', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/race');
  await chooseRace(page, { sizes: [16, 32], d: 64 });

  // The page stays responsive while the worker races: the settings lock, Cancel is offered.
  await page.getByRole('button', { name: 'Start the race' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await expect(page.getByRole('progressbar', { name: 'race progress' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({
    timeout: 300_000,
  });
  await expect(page.getByRole('progressbar', { name: 'race progress' })).toHaveJSProperty(
    'position',
    1,
  );

  const table = await readTable(page, 'race results');
  const measured = table.cells
    .map((cells, i) => ({ impl: table.rows[i], cells }))
    .filter((r) => r.cells.length > 3);
  // At least the chapter's four classes, the reference and one kernel build, at both sizes.
  expect(measured.length).toBeGreaterThanOrEqual(12);
  for (const { impl, cells } of measured) {
    expect(['16', '32'], impl).toContain(cells[COL.T]);
    expect(cells[COL.d], impl).toBe('64');
    expect(Number(cells[COL.rel]), `${impl} max |Δ| / scale`).toBeLessThanOrEqual(1e-5);
    expect(Number(cells[COL.ms]), `${impl} ms`).toBeGreaterThan(0);
    expect(Number(cells[COL.gflops]), `${impl} GFLOP/s`).toBeGreaterThan(0);
  }
  // Skipped runners say why (e.g. WebGPU without an adapter).
  for (const cells of table.cells.filter((c) => c.length <= 3)) expect(cells[2]).toMatch(/\w/);
  await expect(
    page.getByText(/^Peak here: [\d.]+ GFLOP\/s — three 512×512×512 matmuls/),
  ).toBeVisible();

  // The chart: one svg path per implementation that measured something.
  const impls = new Set(measured.map((r) => r.impl));
  await expect(page.locator('.race-chart g.race-line path')).toHaveCount(impls.size);
  for (const d of await page
    .locator('.race-chart g.race-line path')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '')))
    expect(d).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  await expect(page.getByText(/Same numbers, different speeds/)).toBeVisible();

  // Copy table, with the clipboard refused: a read-only box holds the Markdown.
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await page.getByRole('button', { name: 'Copy table' }).click();
  const box = page.getByRole('textbox', { name: 'Results as a Markdown table' });
  await expect(box).toHaveValue(/^\| implementation \| T \| d \| ms per pass/);
  const lines = (await box.inputValue()).split('\n');
  expect(lines).toHaveLength(2 + table.rows.length);

  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
    [],
  );
  await screenshotWhole(page, `${SHOTS}/race-1280.png`);
  await page.setViewportSize({ width: 375, height: 740 });
  await screenshotWhole(page, `${SHOTS}/race-375.png`);
  expect(errors).toEqual([]);

  // The link carries the choices (never the results): a fresh page opens with them.
  await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/#\/race\?s=/);
  const other = await page.context().newPage();
  await other.goto(page.url());
  const sizes = other.getByRole('group', { name: 'Sequence lengths T' });
  await expect(sizes.getByRole('checkbox', { name: '16', exact: true })).toBeChecked();
  await expect(sizes.getByRole('checkbox', { name: '256', exact: true })).not.toBeChecked();
  await expect(other.getByLabel('Model width')).toHaveValue('64');
  await expect(other.getByRole('table', { name: 'race results' })).toHaveCount(0);
});

test('the race has no inputs column: its settings take the full width, wide or narrow', async ({
  page,
}) => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 720 });
    await page.goto('/#/race');
    // The sizes and the model width share a row; the implementations' columns span the page.
    const sizes = page.getByRole('group', { name: /^Implementations/ });
    await expect(sizes).toBeVisible();
    await expect(page.getByRole('group', { name: 'Sequence lengths T' })).toBeVisible();
    // No empty column beside it, no drawer to fold: it starts where the title starts.
    await expect(page.getByRole('button', { name: 'Hide the inputs' })).toHaveCount(0);
    const title = await page.locator('#step-title').boundingBox();
    const box = await sizes.boundingBox();
    expect(Math.abs((box?.x ?? 0) - (title?.x ?? 0)), `left edge at ${width} px`).toBeLessThan(4);
    expect(box?.width ?? 0, `width at ${width} px`).toBeGreaterThan(width * 0.8);
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways, `sideways scroll at ${width} px`).toBe(0);
  }
});

test('Cancel stops the race at once, keeps what was measured, and a new race can start', async ({
  page,
}) => {
  await page.goto('/#/race');
  // GPT-2 width with the slow loop nests: far longer than the test waits.
  await chooseRace(page, {
    sizes: [64, 128, 256],
    d: 768,
    impls: ['einsum', 'wrapper', 'reference'],
  });
  await expect(implBox(page, 'einsum')).toBeChecked();
  await page.getByRole('button', { name: 'Start the race' }).click();
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeEnabled();
  // The page answers while the worker computes: a keyboard press reaches the button.
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: /^Cancelled after \d+ of 9/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the race' })).toBeEnabled();
  const said = await page
    .getByRole('status')
    .filter({ hasText: /^Cancelled/ })
    .textContent();
  // Nothing arrives after Cancel: the worker was stopped, not asked.
  await page.waitForTimeout(3000);
  await expect(page.getByRole('status').filter({ hasText: /^Cancelled/ })).toHaveText(said ?? '');

  await chooseRace(page, { sizes: [16], d: 64, impls: ['reference'] });
  await runRace(page);
  const table = await readTable(page, 'race results');
  expect(table.rows).toEqual(['reference']);
  expect(table.cells[0][COL.diff]).toBe('0');
});
