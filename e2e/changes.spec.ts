import { expect, type Page, test } from '@playwright/test';
import { collectErrors, readTable } from './support/tables.ts';

// The worker computes while ONNX Runtime loads beside it: slow on a busy machine, never wrong.
test.describe.configure({ timeout: 90_000 });

/**
 * "What did my edit change?": after an edit, the changes view draws each panel as its
 * difference from before and names the largest change in words, and that number is the
 * difference of the two tables the learner saw.
 */

const headline = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Largest change|Edit an embedding/ });

/** after − before of two tables of 4-decimal numbers. */
const minus = (after: string[][], before: string[][]) =>
  after.map((row, i) => row.map((x, j) => Number(x) - Number(before[i][j])));

test('edit a cell: the changes view names the largest change, the tables’ difference', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?backend=reference#/3.3.2');
  await expect(page.getByRole('img', { name: /^Heatmap of attention weights:/ })).toBeVisible({
    timeout: 20_000,
  });
  const before = await readTable(page, 'attention weights');

  await page.getByLabel('journey dimension 1', { exact: true }).fill('0.9');
  await page.keyboard.press('Tab'); // the typing gesture ends
  await expect
    .poll(async () => (await readTable(page, 'attention weights')).cells, { timeout: 30_000 })
    .not.toEqual(before.cells);
  const after = await readTable(page, 'attention weights');

  await page.getByRole('checkbox', { name: 'Show changes' }).check();
  await expect(headline(page)).toContainText('Largest change in attention weights since your edit');

  // The largest |difference| of the two tables, found here, is the one the page names.
  const diff = minus(after.cells, before.cells);
  let best = { r: 0, c: 0, d: 0 };
  diff.forEach((row, r) => {
    row.forEach((d, c) => {
      if (Math.abs(d) > Math.abs(best.d)) best = { r, c, d };
    });
  });
  const words = (await headline(page).textContent()) ?? '';
  const match = words.match(/: (.+)'s weight on (.+) ([+−])(\d\.\d{4})$/);
  if (!match) throw new Error(`no change named in "${words}"`);
  expect(match[1]).toBe(after.rows[best.r]);
  expect(match[2]).toBe(after.rows[best.c]);
  const named = (match[3] === '−' ? -1 : 1) * Number(match[4]);
  // Each table rounds to 4 decimals, so their difference is within 1e-4 of the exact change.
  expect(Math.abs(named - best.d)).toBeLessThanOrEqual(1.01e-4);

  // The picture of the change, and its table, hold after − before cell by cell.
  await expect(
    page.getByRole('img', { name: /^Heatmap of change in attention weights:/ }),
  ).toBeVisible();
  const table = await readTable(page, 'change in attention weights');
  table.cells.forEach((row, r) => {
    row.forEach((x, c) => {
      expect(Math.abs(Number(x) - diff[r][c]), `cell ${r}, ${c}`).toBeLessThanOrEqual(1.01e-4);
    });
  });
  expect(errors).toEqual([]);
});

test('dragging a point shows the changes live', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  await page.getByRole('checkbox', { name: 'Show changes' }).check();
  await expect(headline(page)).toContainText('Edit an embedding or drag a point', {
    timeout: 20_000,
  });
  const point = page.getByRole('button', { name: /^Move with:/ });
  await point.scrollIntoViewIfNeeded();
  const box = await point.boundingBox();
  if (!box) throw new Error('the point of "with" has no box');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 40, y - 30, { steps: 6 });
  // Still pressed: the change is already named.
  await expect(headline(page)).toContainText(
    /Largest change in attention weights since your edit: .+'s weight on .+ [+−]\d\.\d{4}$/,
    { timeout: 60_000 },
  );
  await page.mouse.up();
});
