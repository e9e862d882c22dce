import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { readTable } from './support/tables.ts';

/**
 * The head view (BertViz's picture): on a chapter step its lines carry the weights the tables
 * print, focusing a token keeps only its lines and says them in words; on the GPT-2 step it
 * draws a window of the learner's tokens.
 */

const SHOTS = '/work/shots/headview';
// The engine worker shares 2 cores with other checkouts here: waits are generous.
test.describe.configure({ timeout: 240_000 });
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const headView = (page: Page) => page.getByRole('region', { name: 'head view' });
const lines = (page: Page) => headView(page).locator('svg line');

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('.head-view').withTags(TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('3.6.2: the lines’ opacities are the weights tables’ values; a focused token isolates its lines', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?backend=reference#/3.6.2');
  await page.getByLabel('Show the numbers as tables').check();
  await page.getByLabel('Show the head view').check();
  await expect(lines(page).first()).toBeAttached({ timeout: 60_000 });

  const tokens = ['Your', 'journey', 'starts', 'with', 'one', 'step'];
  for (const head of [0, 1]) {
    const table = await readTable(page, `attention weights, head ${head + 1}`);
    const drawn = await lines(page).evaluateAll(
      (ls, h) =>
        ls
          .filter((l) => l.getAttribute('data-head') === String(h))
          .map((l) => ({
            q: Number(l.getAttribute('data-query')),
            k: Number(l.getAttribute('data-key')),
            opacity: Number(l.getAttribute('stroke-opacity')),
          })),
      head,
    );
    // causal: query i has i + 1 keys, so 21 lines per head, each its table cell
    expect(drawn).toHaveLength(21);
    for (const { q, k, opacity } of drawn) expect(opacity.toFixed(4)).toBe(table.cells[q][k]);
  }

  // One head in the picker: only its lines, and the legend names only it.
  await page.getByLabel('heads in the head view').selectOption('head 2');
  await expect(lines(page)).toHaveCount(21);
  await expect(headView(page).getByRole('list', { name: 'head colours' })).toHaveText('head 2');
  await page.getByLabel('heads in the head view').selectOption('all heads');
  await expect(lines(page)).toHaveCount(42);

  // Keyboard: one tab stop; focus "starts" as a query, its lines alone remain, in words too.
  const queries = headView(page).getByRole('list', { name: 'queries' });
  await queries.getByRole('button', { name: 'query Your' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(queries.getByRole('button', { name: 'query starts' })).toBeFocused();
  await expect(lines(page)).toHaveCount(6); // 3 keys × 2 heads
  const isolated = await lines(page).evaluateAll((ls) =>
    ls.map((l) => l.getAttribute('data-query')),
  );
  expect(new Set(isolated)).toEqual(new Set(['2']));
  const words = headView(page).locator('.head-view-words');
  await expect(words).toContainText('head 1: starts attends most to');
  const table = await readTable(page, 'attention weights, head 1');
  const top = Math.max(...table.cells[2].map(Number)).toFixed(4);
  await expect(words).toContainText(`(${top})`);
  // → moves to the key column: the lines into "starts" from the queries after it
  await page.keyboard.press('ArrowRight');
  await expect(
    headView(page).getByRole('list', { name: 'keys' }).getByRole('button', { name: 'key starts' }),
  ).toBeFocused();
  await expect(lines(page)).toHaveCount(8); // queries starts…step × 2 heads
  await expect(words).toContainText('starts is attended most by');
  await page.screenshot({ path: `${SHOTS}/step-3.6.2-1280.png`, fullPage: true });
  expect(await axe(page)).toEqual([]);

  // Hover isolates too
  await page.keyboard.press('Escape');
  await expect(lines(page)).toHaveCount(42);
  await headView(page).getByRole('button', { name: 'query step' }).hover();
  await expect(lines(page)).toHaveCount(12);
  expect(tokens).toHaveLength(6);
});

test('375 px: the head view fits the narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/?backend=reference#/3.6.2');
  await page.getByLabel('Show the head view').check();
  await expect(lines(page).first()).toBeAttached({ timeout: 60_000 });
  const box = await headView(page).boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(375);
  await headView(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/step-3.6.2-375.png` });
  expect(await axe(page)).toEqual([]);
});

test('GPT-2 step: a typed sentence draws in the head view; a long text shows a window', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/ex3.3');
  const status = page.locator('.gpt2-status');
  await expect(status).toContainText('computed in the worker', { timeout: 150_000 });
  await page.getByLabel('Show the head view').check();
  await page
    .getByRole('textbox', { name: 'your text' })
    .fill('The cat sat on the mat because it was tired');
  await expect(status).toContainText('10 tokens', { timeout: 150_000 });
  await expect(lines(page).first()).toBeAttached({ timeout: 150_000 });
  // 12 heads' lines, each head's lines from a query to keys at or before it (causal)
  const heads = await lines(page).evaluateAll((ls) => {
    const seen = new Set<string>();
    for (const l of ls) {
      if (Number(l.getAttribute('data-key')) > Number(l.getAttribute('data-query'))) return null;
      seen.add(l.getAttribute('data-head') ?? '');
    }
    return seen.size;
  });
  expect(heads).toBe(12);
  const queries = headView(page).getByRole('list', { name: 'queries' });
  await queries.getByRole('button', { name: 'query ·it' }).focus();
  await expect(headView(page).locator('.head-view-words')).toContainText(
    'head 12: ·it attends most to',
  );
  await headView(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/gpt2-1280.png` });
  expect(await axe(page)).toEqual([]);

  // A long text: 24 tokens around the focused one, said in the note; arrow keys move the window.
  await page
    .getByRole('textbox', { name: 'your text' })
    .fill(' the cat sat on the mat.'.repeat(20));
  await expect(status).toContainText('140 tokens', { timeout: 150_000 });
  await expect(headView(page)).toContainText('Tokens 1–24 of 140', { timeout: 60_000 });
  await queries.getByRole('button').first().focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
  await expect(headView(page)).toContainText('Tokens 11–34 of 140', { timeout: 60_000 });
  await expect(queries.getByRole('button', { name: /^query ·sat \(token 31\)$/ })).toBeFocused();
  await expect
    .poll(() => lines(page).evaluateAll((ls) => ls.map((l) => l.getAttribute('data-query'))))
    .toContain('30');
  await page.setViewportSize({ width: 375, height: 800 });
  await headView(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/gpt2-375.png` });
});

test('the head view is in the link: a fresh page opens with it shown; Undo hides it', async ({
  page,
}) => {
  await page.goto('/?backend=reference#/3.6.2');
  await page.getByLabel('Show the head view').check();
  await expect(lines(page).first()).toBeAttached({ timeout: 60_000 });
  await expect.poll(() => page.url()).toMatch(/#\/3\.6\.2\?s=/);
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByLabel('Show the head view')).toBeChecked();
  await expect(lines(other).first()).toBeAttached({ timeout: 60_000 });
  await other.close();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Show the head view')).not.toBeChecked();
  await expect(headView(page)).toHaveCount(0);
});
