import { expect, type Page, test } from '@playwright/test';
import { configsFor } from '../src/chapter/steps/index.ts';
import { defaultView, type ViewState } from '../src/chapter/view.ts';
import { runAttention } from '../src/engine/run.ts';
import { dragPoint } from './support/drag.ts';
import { blockRows, collectErrors, expectCells, readTable } from './support/tables.ts';
import { stepUrl } from './support/url.ts';

/**
 * Never losing a learner's work: Back/Forward across steps keep each step's edits, Undo/Redo
 * walk every edit, a reload reopens the same view, and the app opened without a link continues
 * the last session (with a way back to the book).
 */

const BOOK = defaultView('3.3.2').embeddings;
const heading = (page: Page) => page.getByRole('heading', { level: 2 });
const cell = (page: Page, label: string) => page.getByLabel(label, { exact: true });
/** The header's buttons (a notice may repeat some of them). */
const tool = (page: Page, name: string) =>
  page.locator('.site-header').getByRole('button', { name, exact: true });

function weightsFor(view: ViewState): string[][] {
  return blockRows(configsFor(view).map((c) => runAttention(c))[0].attn_weights);
}

/** Waits until the address bar holds the latest edit (the URL is written after 300 ms of quiet). */
async function settled(page: Page, step: string): Promise<void> {
  const before = page.url();
  await expect.poll(() => page.url(), { timeout: 3000 }).not.toBe(before);
  await expect(page).toHaveURL(stepUrl(step));
}

test('Back and Forward walk the steps, and each keeps its edits', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?backend=reference');
  await expect(heading(page)).toContainText('without trainable weights');
  await page.getByRole('link', { name: /^3\.3\.2/ }).click();
  await expect(page).toHaveURL(stepUrl('3.3.2'));
  await cell(page, 'journey dimension 1').fill('0.9');
  await settled(page, '3.3.2');
  await page.getByRole('button', { name: /^3\.4\.1 .* →$/ }).click();
  await expect(page).toHaveURL(stepUrl('3.4.1'));
  await expect(heading(page)).toContainText('step by step');
  // The learner's inputs came along; now an edit that belongs to 3.4.1 only.
  await expect(cell(page, 'journey dimension 1')).toHaveValue('0.9');
  await cell(page, 'Seed').fill('5');
  await settled(page, '3.4.1');

  await page.goBack();
  await expect(page).toHaveURL(stepUrl('3.3.2'));
  await expect(heading(page)).toContainText('for all input tokens');
  await expect(cell(page, 'journey dimension 1')).toHaveValue('0.9');
  const edited = BOOK.map((r, i) => (i === 1 ? [0.9, r[1], r[2]] : r));
  await expectCells(
    page,
    'attention weights',
    weightsFor({ ...defaultView('3.3.2'), embeddings: edited }),
  );

  await page.goBack();
  await expect(page).toHaveURL(stepUrl('3.3.1'));
  await expect(heading(page)).toContainText('without trainable weights');
  await expect(cell(page, 'journey dimension 1')).toHaveValue('0.55');

  await page.goForward();
  await expect(heading(page)).toContainText('for all input tokens');
  await expect(cell(page, 'journey dimension 1')).toHaveValue('0.9');
  await page.goForward();
  await expect(page).toHaveURL(stepUrl('3.4.1'));
  await expect(cell(page, 'Seed')).toHaveValue('5');
  expect(errors).toEqual([]);
});

test('Undo and Redo: buttons and keys, one step per field, not while typing', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  const undo = tool(page, 'Undo');
  const redo = tool(page, 'Redo');
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();

  // Typing "0.95" key by key is one edit; renaming a token is another.
  await cell(page, 'journey dimension 1').fill('');
  await cell(page, 'journey dimension 1').pressSequentially('0.95', { delay: 40 });
  await page.getByLabel('token 2 name').fill('trip');
  await expect.poll(async () => (await readTable(page, 'attention weights')).rows[1]).toBe('trip');
  await expect(undo).toBeEnabled();

  await heading(page).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('token 2 name')).toHaveValue('journey');
  await expect(cell(page, 'journey dimension 1')).toHaveValue('0.95');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'journey dimension 1')).toHaveValue('0.55');
  await expect(undo).toBeDisabled();
  await expectCells(page, 'attention weights', weightsFor(defaultView('3.3.2')));

  await page.keyboard.press('Control+Shift+z');
  await expect(cell(page, 'journey dimension 1')).toHaveValue('0.95');
  await page.keyboard.press('Control+y');
  await expect(page.getByLabel('token 2 name')).toHaveValue('trip');
  await expect(redo).toBeDisabled();
  await undo.click();
  await expect(page.getByLabel('token 2 name')).toHaveValue('journey');
  await redo.click();
  await expect.poll(async () => (await readTable(page, 'attention weights')).rows[1]).toBe('trip');
  const edited = BOOK.map((r, i) => (i === 1 ? [0.95, r[1], r[2]] : r));
  const tokens = defaultView('3.3.2').tokens.map((t, i) => (i === 1 ? 'trip' : t));
  await expectCells(
    page,
    'attention weights',
    weightsFor({ ...defaultView('3.3.2'), embeddings: edited, tokens }),
  );

  // In a text field, Ctrl+Z is the browser's own text undo: the app's undo does not run (it
  // would make Redo available). Whatever the browser's undo changes is then a new edit.
  await expect(redo).toBeDisabled();
  await cell(page, 'with dimension 2').focus();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Meta+z');
  await expect(redo).toBeDisabled();
});

test('a drag in the scatter plot is one undo step', async ({ page }) => {
  await page.goto('/?backend=reference#/3.5.3');
  await dragPoint(page, 'with', -60, 45);
  await expect(cell(page, 'with dimension 1')).not.toHaveValue('0.22');
  await tool(page, 'Undo').click();
  await expect(cell(page, 'with dimension 1')).toHaveValue('0.22');
  await expect(cell(page, 'with dimension 2')).toHaveValue('0.58');
  await expect(tool(page, 'Undo')).toBeDisabled();
});

test('reload reopens the view; the app without a link restores the session', async ({ page }) => {
  await page.goto('/?backend=reference#/3.4.2');
  await cell(page, 'starts dimension 3').fill('-1.5');
  await cell(page, 'Seed').fill('123');
  await settled(page, '3.4.2');
  const view: ViewState = {
    ...defaultView('3.4.2'),
    seed: 123,
    embeddings: BOOK.map((r, i) => (i === 2 ? [r[0], r[1], -1.5] : r)),
  };
  const weights = weightsFor(view);
  await expectCells(page, 'attention weights', weights);

  await page.reload();
  await expect(cell(page, 'starts dimension 3')).toHaveValue('-1.5');
  await expect(cell(page, 'Seed')).toHaveValue('123');
  await expectCells(page, 'attention weights', weights);

  // The app's address with no link: the last session, saying so.
  await page.goto('/?backend=reference');
  const notice = page.getByRole('status').filter({ hasText: 'Restored your last session' });
  await expect(notice).toBeVisible();
  await expect(page).toHaveURL(stepUrl('3.4.2'));
  await expect(cell(page, 'starts dimension 3')).toHaveValue('-1.5');
  await expectCells(page, 'attention weights', weights);

  await notice.getByRole('button', { name: 'Start over from the book' }).click();
  await expect(cell(page, 'starts dimension 3')).toHaveValue('0.64');
  await expect(cell(page, 'Seed')).toHaveValue('789');
  await expectCells(page, 'attention weights', weightsFor(defaultView('3.4.2')));
  await expect(page.getByRole('status').filter({ hasText: 'Started over' })).toBeVisible();
  // Starting over is an edit too: Undo brings the work back.
  await tool(page, 'Undo').click();
  await expect(cell(page, 'starts dimension 3')).toHaveValue('-1.5');
  await expectCells(page, 'attention weights', weights);
});
