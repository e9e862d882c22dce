import { expect, type Page, test } from '@playwright/test';
import { defaultView } from '../src/chapter/view.ts';
import { encodeView } from '../src/permalink/index.ts';
import { loadGpt2Tokenizer } from '../src/tokenizer/index.ts';
import { BOOK_PRINTED } from '../test/fixtures/book-printed.ts';
import { floats, gpt2Fixture } from '../test/gpt2/fixture.ts';
import { expectRow, readTable } from './support/tables.ts';

/**
 * Exercise 3.3 at GPT-2 size: the learner's text through the tokenizer, the book's embeddings
 * (checked against PyTorch) and a 12-head layer, up to 1,024 tokens; zoom; the link.
 */

const textBox = (page: Page) => page.getByRole('textbox', { name: 'your text' });
const chips = (page: Page) => page.getByRole('list', { name: 'tokens' }).getByRole('button');
const status = (page: Page) => page.locator('.gpt2-status');

// The layer runs on 2 shared cores here: results can take many seconds, so waits are long.
test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 150_000 };

/** Opens the step and waits for its first result. */
async function open(page: Page, hash = '#/ex3.3'): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(status(page)).toContainText('computed in the worker', SLOW);
}

/** Every head thumbnail has painted something other than the masked grey (the grid is drawn when on screen). */
async function thumbnailsPainted(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    document.querySelector('.gpt2-grid')?.scrollIntoView({ block: 'nearest' });
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.gpt2-thumb canvas')];
    if (canvases.length !== 12) return false;
    return canvases.every((c) => {
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      if (!d) return false;
      for (let k = 0; k < d.length; k += 4) if (d[k] !== 200 && d[k + 3] === 255) return true;
      return false;
    });
  });
}

/** The 12 thumbnails' pixels as they are on screen (the grid scrolled into view first). */
async function thumbnailPixels(page: Page): Promise<number[][]> {
  return page.evaluate(() => {
    document.querySelector('.gpt2-grid')?.scrollIntoView({ block: 'nearest' });
    return [...document.querySelectorAll<HTMLCanvasElement>('.gpt2-thumb canvas')].map((c) =>
      Array.from(c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []),
    );
  });
}

test('typed text: the chips and ids are the tokenizer’s; the embedding row is PyTorch’s', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  const sentence = 'Hello world, attention is all you need!';
  await textBox(page).fill(sentence);
  const want = (await loadGpt2Tokenizer()).tokenize(sentence).tokens;
  await expect(chips(page)).toHaveCount(want.length, SLOW);
  const shown = await chips(page).evaluateAll((els) =>
    els.map((el) => Number(el.querySelector('.gpt2-chip-id')?.textContent)),
  );
  expect(shown).toEqual(want.map((t) => t.id));
  await expect(chips(page).nth(1)).toContainText('·world');

  // Back to the book's sentence (seed 123): " journey" is id 7002; its row equals PyTorch's.
  await textBox(page).fill('Your journey starts with one step');
  await expect(chips(page)).toHaveCount(6, SLOW);
  await chips(page).nth(1).click();
  const book = gpt2Fixture.gpt2[0];
  const row = floats((book.token_rows as unknown as Record<string, string>)['7002']);
  await expect
    .poll(async () => {
      const t = await readTable(page, 'embedding of the selected token');
      const i = t.rows.indexOf('tok_emb[7002]');
      if (i < 0) return Number.POSITIVE_INFINITY;
      return Math.max(...t.cells[i].map((v, d) => Math.abs(Number(v) - row[d])));
    })
    .toBeLessThanOrEqual(5.1e-7);
  await expect.poll(() => thumbnailsPainted(page)).toBe(true);
  await page.screenshot({ path: 'test-results/gpt2/book-1280.png', fullPage: true });
});

test('a 1,024-token paste computes and paints, with a note that the rest was cut', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  const long = ' the cat sat on the mat.'.repeat(200); // 1,400 tokens
  await textBox(page).fill(long);
  await expect(page.locator('.gpt2-note')).toContainText('1,400 tokens', { timeout: 300_000 });
  await expect(status(page)).toContainText('1,024 tokens');
  await expect(status(page)).not.toContainText('computing', SLOW);
  // the page is cross-origin isolated: the WASM kernels on all cores computed it
  await expect(status(page)).toContainText(/\(kernels, \d+ threads?\)/);
  await expect.poll(() => thumbnailsPainted(page), SLOW).toBe(true);
  await expect(
    page.getByRole('img', { name: 'context vectors: 1024 tokens × 768 dimensions' }),
  ).toBeVisible();
  // The chips of a long text wait behind a click (none are made until then), then all 1,024.
  await expect(page.getByRole('list', { name: 'tokens' })).toHaveCount(0);
  await page.getByText('Tokens and their ids (1024)').click();
  await expect(chips(page)).toHaveCount(1024);
  await expect(chips(page).last()).toHaveAccessibleName(/^token 1024: /);
  await page.getByText('Tokens and their ids (1024)').click();
  await expect(page.getByRole('list', { name: 'tokens' })).toHaveCount(0);
  // a changed word near the end of the first 1,024 tokens (token 1,017): computed again
  const before = await status(page).textContent();
  await textBox(page).fill(`${long.slice(0, 3484)} dog${long.slice(3488)}`);
  await expect(status(page)).not.toHaveText(before ?? '', SLOW);
  await expect(status(page)).toContainText('1,024 tokens · computed in the worker', SLOW);
  await expect.poll(() => thumbnailsPainted(page), SLOW).toBe(true);
  await page.screenshot({ path: 'test-results/gpt2/t1024-grid-1280.png' });
  // open a head at full size: 1,024 × 1,024 on one canvas
  await page.getByRole('button', { name: 'open head 5' }).click();
  const big = page.getByRole('img', { name: /^weights of head 5/ });
  await expect(big).toBeVisible(SLOW);
  await expect(big).toHaveAttribute('width', '1024');
  await page.screenshot({ path: 'test-results/gpt2/t1024-1280.png' });
  await page.setViewportSize({ width: 375, height: 720 });
  await expect.poll(() => thumbnailsPainted(page), SLOW).toBe(true);
  await page.screenshot({ path: 'test-results/gpt2/t1024-375.png' });
});

test('a head opens large; zoom labels the axes; hover names the pair; a link reopens it', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/ex3.3');
  const text = 'The quick brown fox jumps over the lazy dog. '.repeat(5);
  const count = (await loadGpt2Tokenizer()).tokenize(text).tokens.length;
  await textBox(page).fill(text);
  await expect(status(page)).toContainText('computed in the worker', SLOW);
  await expect(chips(page)).toHaveCount(count, SLOW);
  await page.getByRole('button', { name: 'open head 3' }).click();
  const big = page.getByRole('img', { name: /^weights of head 3/ });
  await expect(big).toBeVisible(SLOW);
  const t = Number(await big.getAttribute('width'));
  expect(t).toBe(count);
  await expect(page.locator('.gpt2-axis-left span')).toHaveCount(0);
  for (let k = 0; k < 2; k++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(
    page.getByRole('status', { name: 'zoom level' }).or(page.getByLabel('zoom level')),
  ).toHaveText('×4');
  await expect(big).toHaveAttribute('width', String(Math.ceil(t / 4)));
  await expect(page.locator('.gpt2-axis-left span').first()).toBeVisible();
  // keyboard: the cursor moves, the hover line and the region table follow
  await big.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.gpt2-hover')).toContainText('query 3');
  await expect(page.locator('.gpt2-hover')).toContainText('key 1');
  const region = await readTable(page, 'attention weights near the cursor');
  expect(region.cells.length).toBe(5);
  // hover with the pointer
  const box = await big.boundingBox();
  if (!box) throw new Error('no box');
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.95);
  await expect(page.locator('.gpt2-hover')).toContainText(/weight \d\.\d{6}|masked/);
  await page.screenshot({ path: 'test-results/gpt2/zoom-1280.png', fullPage: true });

  await expect(page).toHaveURL(/#\/ex3\.3\?s=/);
  const url = page.url();
  const again = await page.context().newPage();
  await again.goto(url);
  await expect(again.getByRole('textbox', { name: 'your text' })).toHaveValue(
    /^The quick brown fox/,
    SLOW,
  );
  await expect(again.getByRole('img', { name: /^weights of head 3/ })).toBeVisible(SLOW);
  await expect(again.getByRole('img', { name: /^weights of head 3/ })).toHaveAttribute(
    'width',
    String(Math.ceil(t / 4)),
  );
});

test('375 px wide: RTL and control characters tokenize without breaking the layout', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 720 });
  await open(page);
  await textBox(page).fill('שלום עולם \u202eevil\u0000 مرحبا\tworld');
  await expect(chips(page).first()).toBeVisible(SLOW);
  await expect(status(page)).toContainText('computed in the worker', SLOW);
  await expect(page.getByRole('list', { name: 'tokens' })).toContainText('\\u{202e}');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect.poll(() => thumbnailsPainted(page)).toBe(true);
  await page.screenshot({ path: 'test-results/gpt2/rtl-375.png', fullPage: true });
});

test('empty text shows a note; a 10 MB link is refused with a message', async ({ page }) => {
  const link = (text: string) =>
    encodeView({ ...defaultView('ex3.3'), local: { text, head: null, zoom: 1 } });
  await open(page, link(''));
  await expect(page.locator('.gpt2-note')).toContainText('empty');
  await page.goto('about:blank');
  await page.goto(`/${link('a'.repeat(10_000_000))}`);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText(
    'text (local.text) was not valid',
  );
  await expect(page.getByText('The engine refused')).toHaveCount(0);
  await expect(chips(page)).toHaveCount(6, SLOW);
});

test('after an edit (its rows repainted, not the grid) the thumbnails equal a fresh page’s', async ({
  browser,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  // 200 tokens (thumbnails 128 × 128, a pixel over one or two tokens); the edit keeps T and
  // changes token 150: thumbnail rows 96 … 127 are repainted, the rows above them stay
  const text = (word: string) => `a${' word'.repeat(149)}${word}${' word'.repeat(48)} cat`;
  await textBox(page).fill(text(' word'));
  await expect(status(page)).toContainText('200 tokens · computed', SLOW);
  await expect.poll(() => thumbnailsPainted(page)).toBe(true);
  const before = await thumbnailPixels(page);
  // the step's own mark of a new result drawn (its chips are folded away past 64 tokens)
  const drawn = () =>
    page.evaluate(() => performance.getEntriesByName('gpt2-edit-to-paint').length);
  const n = await drawn();
  await textBox(page).fill(text(' dog'));
  await expect.poll(drawn, SLOW).toBeGreaterThan(n);
  const edited = await thumbnailPixels(page);
  expect(edited).not.toEqual(before);

  const fresh = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await open(fresh);
  await textBox(fresh).fill(text(' dog'));
  await expect(status(fresh)).toContainText('200 tokens · computed', SLOW);
  await expect.poll(() => thumbnailsPainted(fresh)).toBe(true);
  expect(await thumbnailPixels(fresh)).toEqual(edited);
  await fresh.close();
});

test('opened from its link (the chapter’s engine not started), the chapter’s steps still compute', async ({
  page,
}) => {
  // The page starts the chapter's engine worker at the first request of a chapter step.
  await open(page);
  // One worker for the step: the built page's inline script started it, the app adopted it.
  const started = await page.evaluate(() => ({
    marks: performance
      .getEntriesByName('gpt2-worker-created')
      .map((m) => (m as PerformanceMark).detail ?? 'app'),
    left: window.__attentionLabGpt2 !== undefined,
  }));
  expect(started).toEqual({ marks: ['inline'], left: false });
  await page.getByRole('link', { name: /^3\.3\.1/ }).click();
  await expectRow(page, 'context vector', 'journey', BOOK_PRINTED.journeyContext);
});
