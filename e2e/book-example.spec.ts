import { expect, type Locator, test } from '@playwright/test';

/** The cell of a table with row header `row` and column header `col` (first match of each). */
async function cellAt(table: Locator, row: string, col: string): Promise<Locator> {
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const colIndex = headers.map((h) => h.trim()).indexOf(col);
  expect(colIndex, `column "${col}" in ${headers.join(', ')}`).toBeGreaterThan(0);
  const rowLocator = table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: row, exact: true }) });
  // The first column header labels the row headers, so data cell k sits under header k + 1.
  return rowLocator.getByRole('cell').nth(colIndex - 1);
}

test('the book example shows simplified self-attention weights', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  // `/` opens the chapter's first step (one query); 3.3.2 shows the full 6 × 6 weights.
  await page.goto('/#/3.3.2');
  await expect(page).toHaveTitle('Attention Lab');

  const table = page.getByRole('table', { name: 'attention weights' });
  await expect(table).toBeAttached();
  await expect(table.getByRole('rowheader')).toHaveText([
    'Your',
    'journey',
    'starts',
    'with',
    'one',
    'step',
  ]);
  await expect(await cellAt(table, 'journey', 'journey')).toHaveText('0.2379');

  await expect(page.getByRole('img', { name: /Heatmap of attention weights/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/shell.png', fullPage: true });
  expect(errors).toEqual([]);
});
