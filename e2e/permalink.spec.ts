import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { configsFor } from '../src/chapter/steps/index.ts';
import { defaultView, type ViewState } from '../src/chapter/view.ts';
import { runAttention } from '../src/engine/run.ts';
import { decodeView } from '../src/permalink/index.ts';
import { differentPixels } from './support/pixels.ts';
import { blockRows, collectErrors, expectCells, readTable } from './support/tables.ts';

/**
 * "Share a permalink to a step": edits made on a step, copied with Share, open in a browser that
 * has never seen them (a new context: no storage, no history) with the same numbers and the same
 * picture. Screenshots go to test-results/permalink/.
 */

const OUT = 'test-results/permalink';

/** What the edited view must show, computed here by the reference engine. */
function weightsFor(view: ViewState): string[][] {
  return blockRows(configsFor(view).map((c) => runAttention(c))[0].attn_weights);
}

/** The attention weights heatmap, away from the mouse (hover would outline cells). */
async function weightsPicture(page: Page): Promise<Buffer> {
  await page.mouse.move(0, 0);
  const figure = page.locator('figure[data-panel="attention weights"]');
  // At the top of the window, clear of the formula bar pinned to the bottom.
  await figure.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  return figure.screenshot({ animations: 'disabled' });
}

test('edits on a step, shared, open identically in a new browser', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = collectErrors(page);
  await page.goto('/?backend=reference#/3.4.2');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('789');

  // Edits of every kind the link must carry: a value, a token's name, a setting, a locked cell.
  await page.getByLabel('journey dimension 1', { exact: true }).fill('0.9');
  await page.getByLabel('token 3 name').fill('<b>starts</b>');
  await page.getByLabel('Seed', { exact: true }).fill('7');
  const book = defaultView('3.4.2');
  const edited: ViewState = {
    ...book,
    backend: 'reference',
    seed: 7,
    tokens: book.tokens.map((t, i) => (i === 2 ? '<b>starts</b>' : t)),
    embeddings: book.embeddings.map((r, i) => (i === 1 ? [0.9, r[1], r[2]] : r)),
  };
  const weights = weightsFor(edited);
  await expectCells(page, 'attention weights', weights);
  await page.locator('figure[data-panel="attention weights"] [data-row="2"][data-col="4"]').click();
  await page.mouse.move(0, 0); // the formula says "hovered" while the mouse is on the cell
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();

  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#\/3\.4\.2\?s=[\w-]+$/);
  // The link holds exactly the edited view (the codec's own decoder says so).
  const hash = new URL(link).hash;
  expect(decodeView(hash)).toEqual({
    state: { ...edited, locked: { head: 0, row: 2, col: 4 } },
    problems: [],
  });

  const sent = await weightsPicture(page);
  const sentTable = await readTable(page, 'attention weights');

  // A friend's browser: same window size, nothing shared with the first context.
  const friendContext = await browser.newContext({ viewport: page.viewportSize() });
  const friend = await friendContext.newPage();
  const friendErrors = collectErrors(friend);
  await friend.goto(link);
  await expectCells(friend, 'attention weights', weights);
  expect(await readTable(friend, 'attention weights')).toEqual(sentTable);
  await expect(friend.getByLabel('journey dimension 1', { exact: true })).toHaveValue('0.9');
  await expect(friend.getByLabel('token 3 name')).toHaveValue('<b>starts</b>');
  await expect(friend.getByLabel('Seed', { exact: true })).toHaveValue('7');
  // The locked cell is locked there too: its formula is pinned, with the Unlock button.
  await expect(friend.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expect(friend.getByRole('alert')).toHaveCount(0);
  const received = await weightsPicture(friend);

  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/sent.png`, sent);
  writeFileSync(`${OUT}/received.png`, received);
  await friend.screenshot({ path: `${OUT}/received-page.png`, fullPage: true });
  const identical = sent.equals(received);
  const differing = identical ? 0 : await differentPixels(page, sent, received);
  expect(differing, 'pixels that differ between the two heatmaps').toBe(0);
  expect(errors).toEqual([]);
  expect(friendErrors).toEqual([]);
  await friendContext.close();
});

test('a step link opened elsewhere shows that step’s book example', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/?backend=reference#/3.3.2');
  await expectCells(page, 'attention weights', weightsFor({ ...defaultView('3.3.2') }));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.close();
});

test('without clipboard access, Share shows the link to copy by hand', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await page.getByRole('button', { name: 'Share link' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this view' });
  await expect(field).toBeVisible();
  await expect(field).toHaveValue(/\/#\/3\.3\.2\?s=[\w-]+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Copy this link' })).toBeVisible();
});
