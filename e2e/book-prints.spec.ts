import { expect, type Page, test } from '@playwright/test';
import { BOOK_PRINTED } from '../test/fixtures/book-printed.ts';
import { collectErrors, readTable, screenshotWhole } from './support/tables.ts';

/**
 * The book's prints the app used to leave out (issue 8): §3.5.2's dropout on §3.5.1's weights and
 * §3.6.2's toy tensor `a`; and links made before panels had ids still open their locked cell.
 */

/** The first paint can be slow on a busy machine. */
async function tableShown(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('table', { name, exact: true })).toBeAttached({ timeout: 60_000 });
}

/** Waits (longer than expectCells, for a busy machine) until the table holds these cells. */
async function expectTable(page: Page, name: string, cells: string[][]): Promise<void> {
  await expect
    .poll(async () => (await readTable(page, name)).cells, { message: name, timeout: 30_000 })
    .toEqual(cells);
}

test('3.5.2 shows the book’s dropout(attn_weights) row 0.7599 0.6194 0.6206', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?backend=reference#/3.5.2');
  await tableShown(page, 'attention weights after the book’s dropout');
  const book = 'attention weights after the book’s dropout';
  await expectTable(page, book, BOOK_PRINTED.bookDropoutWeights);
  const { rows, cells } = await readTable(page, book);
  expect(cells[rows.indexOf('starts')]).toEqual([
    '0.7599',
    '0.6194',
    '0.6206',
    '0.0000',
    '0.0000',
    '0.0000',
  ]);
  // The book's computation comes first on the page, before the class's own.
  const groups = page.locator('.group h3');
  await expect(groups.first()).toContainText('dropout(attn_weights)');
  await screenshotWhole(page, 'test-results/book-prints/3.5.2.png');
  expect(errors).toEqual([]);
});

test('3.6.2 shows a @ a.transpose(2, 3) with its shapes, and follows an edit of a', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?backend=reference#/3.6.2');
  await tableShown(page, 'a @ a.transpose(2, 3), head 1');
  await expectTable(page, 'a @ a.transpose(2, 3), head 1', BOOK_PRINTED.toyBatchedProduct[0]);
  await expectTable(page, 'a @ a.transpose(2, 3), head 2', BOOK_PRINTED.toyBatchedProduct[1]);
  await expect(page.getByText('a.shape = [1, 2, 3, 4]')).toBeVisible();

  // a[0, 0, 0, 0]: 0.2745 → 1.2745 changes row and column 1 of head 1's product only.
  await page.getByLabel('a[0, 0, 0, 0]', { exact: true }).fill('1.2745');
  const edited = BOOK_PRINTED.toyBatchedProduct[0].map((row) => [...row]);
  edited[0] = ['2.8698', '2.0624', '2.0058'];
  edited[1][0] = '2.0624';
  edited[2][0] = '2.0058';
  await expectTable(page, 'a @ a.transpose(2, 3), head 1', edited);
  await expectTable(page, 'a @ a.transpose(2, 3), head 2', BOOK_PRINTED.toyBatchedProduct[1]);
  expect(page.url()).toMatch(/#\/3\.6\.2\?s=/);
  // Undo gives the book's a back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectTable(page, 'a @ a.transpose(2, 3), head 1', BOOK_PRINTED.toyBatchedProduct[0]);
  await page.getByLabel('a[0, 0, 0, 0]', { exact: true }).fill('abc');
  await expect(page.getByRole('alert').filter({ hasText: 'is not a number' })).toBeVisible();
  await screenshotWhole(page, 'test-results/book-prints/3.6.2.png');
  expect(errors).toEqual([]);
});

test('a link made before panels had ids opens the same locked cell', async ({ page }) => {
  // Shared with version 1 of the link format, before panel ids (test/permalink/migrations.test.ts):
  // 3.6.1 with the cell of head 2, query 6, key 3 locked.
  const frozen =
    '#/3.6.1?s=eNolj-FuwyAMhF-l8q9NYlEgIc3QuveYqqiiwWqzJUECumyq-u472J_z-cM67Dt9k5GCkv_iNZI50oe_BRL0ibLyL1xMNqQIs03piuJXhr5Ny2UXw3j42QGE4MPBzhzSk3x-p0EQL2d2blovOfRYV20j6kpqSP86CABd_B7Sdf8g-z7Tri1AKXjdQ5qmgH2eUHlClr4uEeJFVnrAl5HZkVG1agW5k78lMnBnO-I0PNBm44LNZw-A_k5Xtqi4PviNjBY0-hkBD0SNNiUOJzcteX8sMjz-APP7VBU';
  await page.goto(`/?backend=reference${frozen}`);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('formula-text')).toContainText('head 2: α63');
  const outlined = page.locator('figure[data-panel-id="attn_weights.h2"]');
  await expect(outlined).toHaveAttribute('data-panel', 'attention weights, head 2');
});
