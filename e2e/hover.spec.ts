import { expect, type Page, test } from '@playwright/test';
import { block, bookTrace } from './support/book.ts';
import { expectRow, rowsOf } from './support/tables.ts';
import { stepUrl } from './support/url.ts';

/** Hover and lock: the cell's tokens light up everywhere and its formula shows its numbers. */

const heatmap = (page: Page, name: string) =>
  page.getByRole('img', { name: new RegExp(`^Heatmap of ${name}:`) });
const formula = (page: Page) => page.getByTestId('formula-text');
const highlighted = (page: Page, name: string, role: 'query' | 'key') =>
  heatmap(page, name).locator(`[data-highlight="${role}"]`);

test('hovering a score highlights its query row, key column, tokens and context vector', async ({
  page,
}) => {
  await page.goto('/?backend=reference#/3.3.2');
  await heatmap(page, 'attention scores').locator('[data-row="1"][data-col="2"]').hover();

  await expect(highlighted(page, 'attention scores', 'query')).toHaveAttribute('data-index', '1');
  await expect(highlighted(page, 'attention scores', 'key')).toHaveAttribute('data-index', '2');
  await expect(
    heatmap(page, 'attention scores').locator('[data-highlight="cell"]'),
  ).toHaveAttribute('data-cell', '1,2');
  await expect(highlighted(page, 'attention weights', 'query')).toHaveAttribute('data-index', '1');
  await expect(highlighted(page, 'attention weights', 'key')).toHaveAttribute('data-index', '2');
  await expect(highlighted(page, 'context vectors', 'query')).toHaveAttribute('data-index', '1');
  await expect(highlighted(page, 'context vectors', 'key')).toHaveCount(0);

  const editor = page.getByRole('table', { name: 'embeddings' });
  await expect(editor.locator('tr[data-highlight="query"] th input')).toHaveValue('journey');
  await expect(editor.locator('tr[data-highlight="key"] th input')).toHaveValue('starts');
  await expect(page.locator('.scatter [data-highlight="query"]')).toContainText('journey');
  await expect(page.locator('.scatter [data-highlight="key"]')).toContainText('starts');

  await expect(formula(page)).toHaveText(
    'ω23 = x(2) · x(3) = 0.5500 × 0.5700 + 0.8700 × 0.8500 + 0.6600 × 0.6400 = 1.4754',
  );
  const typeset = page.getByRole('complementary', { name: 'formula' }).locator('.katex-html');
  await expect(typeset).toContainText('1.4754');
  await expect(typeset).toContainText('0.5500');
});

test('a click locks the cell; hover wins over the lock; a second click releases it', async ({
  page,
}) => {
  await page.goto('/?backend=reference#/3.3.2');
  const w = rowsOf(block(bookTrace({ variant: 'simple' }).attn_weights));
  await heatmap(page, 'attention weights').locator('[data-row="2"][data-col="0"]').click();
  await page.getByRole('heading', { level: 2 }).hover();
  await expect(formula(page)).toContainText(`α31 = exp(ω31) / Σ exp(…)`);
  await expect(formula(page)).toContainText(`= ${w[2][0]}`);
  await expect(highlighted(page, 'attention weights', 'query')).toHaveAttribute('data-index', '2');

  await heatmap(page, 'attention scores').locator('[data-row="0"][data-col="0"]').hover();
  await expect(formula(page)).toContainText('ω11 = x(1) · x(1)');
  await page.getByRole('heading', { level: 2 }).hover();
  await expect(formula(page)).toContainText('α31');

  await heatmap(page, 'attention weights').locator('[data-row="2"][data-col="0"]').click();
  await page.getByRole('heading', { level: 2 }).hover();
  await expect(highlighted(page, 'attention weights', 'query')).toHaveCount(0);
  await expect(formula(page)).toContainText('α22'); // the step's featured cell again
});

test('keyboard: focus a heatmap, move with the arrows, lock with Enter', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  await heatmap(page, 'attention weights').focus();
  await expect(formula(page)).toContainText('α11');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(formula(page)).toContainText('α22');
  await page.keyboard.press('ArrowRight');
  await expect(formula(page)).toContainText('α23');
  await expect(page).toHaveURL(stepUrl('3.3.2')); // the arrows moved the cell, not the step
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2 }).click();
  await expect(formula(page)).toContainText('α23');
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
});

test('one-query steps follow the query the learner picks (3.4.1)', async ({ page }) => {
  await page.goto('/?backend=reference#/3.4.1');
  const v1 = bookTrace({ variant: 'v1' });
  await page.getByLabel('Query token').selectOption({ label: 'x3 “starts”' });
  await expectRow(page, 'attention scores', 'starts', rowsOf(block(v1.attn_scores))[2]);
  await expectRow(page, 'attention weights', 'starts', rowsOf(block(v1.attn_weights))[2]);
  // Clicking a row of the queries makes that token the query too.
  await heatmap(page, 'queries').locator('[data-row="4"][data-col="0"]').click();
  await expectRow(page, 'context vector', 'one', rowsOf(block(v1.context))[4]);
});
