import { expect, type Page, test } from '@playwright/test';
import { configsFor } from '../src/chapter/steps/index.ts';
import { defaultView, type ViewState } from '../src/chapter/view.ts';
import { runAttention } from '../src/engine/run.ts';
import { encodeView, messages } from '../src/permalink/index.ts';
import { packText } from '../src/permalink/pack.ts';
import beyond from '../test/fixtures/beyond-traces.json' with { type: 'json' };
import { block, item } from './support/book.ts';
import {
  blockRows,
  collectErrors,
  fmt,
  readTable,
  rowsOf,
  screenshotWhole,
} from './support/tables.ts';

/**
 * §4.2, the KV cache, used as a learner uses it: it opens on PyTorch's numbers for a prompt of 3
 * and one generated token (test/fixtures/beyond-traces.json, kv_cache), Step grows the cache by
 * one row whose weights are the full causal pass's, an embedding edit recomputes as the engine
 * does in Node, a link reopens the same view, and hostile links open repaired with a message.
 */

const kv = beyond.kv_cache;
const SHOTS = '/work/shots/kvcache';

test.describe.configure({ timeout: 180_000 });
/** A slow machine may take a while to recompute. */
const LONG = { timeout: 30_000 };

async function expectCells(page: Page, name: string, cells: string[][]): Promise<void> {
  await expect
    .poll(async () => (await readTable(page, name)).cells, { message: name, timeout: 30_000 })
    .toEqual(cells);
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('table', { name: 'output', exact: true })).toBeAttached({
    timeout: 60_000,
  });
}

const status = (page: Page) => page.getByRole('status', { name: 'generation status' });

/** Everything a learner edits or presses on §4.2, above its heatmaps. */
const controls = (page: Page) => [
  page.getByLabel('KV groups', { exact: true }),
  page.getByLabel('prefill', { exact: true }),
  page.getByRole('slider', { name: 'tokens generated' }),
  page.getByRole('button', { name: 'Step', exact: true }),
  page.getByRole('button', { name: 'Play', exact: true }),
  page.getByRole('button', { name: 'Reset', exact: true }),
];

/** The full causal pass over all six tokens, no cache: row `i` of head `h`, cut to i + 1 keys. */
function fullRow(view: ViewState, h: number, i: number): string[] {
  const config = { ...configsFor(view)[0], kv_cache: undefined };
  const trace = runAttention({
    ...config,
    tokens: view.tokens,
    embeddings: view.embeddings,
  });
  return blockRows(trace.attn_weights, 0, h)[i].slice(0, i + 1);
}

test('opens on PyTorch’s numbers: a prompt of 3, one token generated, the work counted', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '/?backend=reference#/4.2');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('KV cache');
  await expect(status(page)).toHaveText(
    '4 of 6 tokens in the cache: the prompt’s 3 in one call, then 1 call of one token.',
  );
  await expect(page.getByLabel('prefill', { exact: true })).toHaveValue('3');
  await expect(page.getByRole('slider', { name: 'tokens generated' })).toHaveValue('1');
  await expectCells(page, 'cached keys, head 2', rowsOf(block(kv.cached.keys, 0, 1)));
  await expectCells(page, 'cached values, head 1', rowsOf(block(kv.cached.values, 0, 0)));
  await expectCells(page, 'attention weights, head 1', rowsOf(block(kv.attn_weights, 0, 0)));
  await expectCells(page, 'attention weights, head 2', rowsOf(block(kv.attn_weights, 0, 1)));
  await expectCells(page, 'output', rowsOf(item(kv.cached.output)));
  // The new row bright, the three the cache already had dimmed.
  const weights = page.getByRole('table', { name: 'attention weights, head 1', exact: true });
  await expect(weights.locator('tbody tr').nth(2).locator('td').first()).toHaveAttribute(
    'data-state',
    'cached',
  );
  await expect(weights.locator('tbody tr').nth(3).locator('td').first()).not.toHaveAttribute(
    'data-state',
    /./,
  );
  await expect(
    page.getByText(/running output \(cached\) against the full causal pass: max \|Δ\| = /),
  ).toBeVisible();
  await expect(page.getByText(/multiply-adds without a cache,/)).toContainText('saved');
  await expect(
    page.getByRole('img', { name: /Multiply-adds against tokens so far/ }),
  ).toBeVisible();
  // Edit and watch on one screen: the controls sit in one compact box, so the cache's first
  // heatmap starts on the first screen at 1280×720, below every control.
  const first = await page
    .getByRole('img', { name: /^Heatmap of cached keys, head 1:/ })
    .boundingBox();
  expect(first?.y ?? 720, 'first heatmap top at 1280×720').toBeLessThan(600);
  for (const control of controls(page)) {
    const box = await control.boundingBox();
    expect((box?.y ?? 720) + (box?.height ?? 0), 'a control above the heatmaps').toBeLessThan(
      first?.y ?? 0,
    );
  }
  await screenshotWhole(page, `${SHOTS}/4.2-1280.png`);
  await page.setViewportSize({ width: 375, height: 740 });
  await expect(page.getByRole('table', { name: 'output', exact: true })).toBeAttached();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, '4.2 page width at 375 px').toBeLessThanOrEqual(375);
  // Each control whole within the phone's width (wrapped onto rows, not cut off).
  for (const control of controls(page)) {
    const box = await control.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375).toBe(true);
  }
  await screenshotWhole(page, `${SHOTS}/4.2-375.png`);
  expect(errors).toEqual([]);
});

test('Step (by keyboard) grows the cache by one row, whose weights are the full causal pass’s; Play runs to the end, one undo step; Reset', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '/?backend=reference#/4.2');
  await expectCells(page, 'output', rowsOf(item(kv.cached.output)));
  await page.getByRole('button', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('5 of 6 tokens');
  await expect
    .poll(async () => (await readTable(page, 'cached keys, head 1')).rows.length, LONG)
    .toBe(5);
  const view = defaultView('4.2');
  for (const h of [0, 1]) {
    const table = await readTable(page, `attention weights, head ${h + 1}`);
    expect(table.cells).toHaveLength(5);
    expect(table.cells[4]).toEqual(fullRow(view, h, 4));
  }
  // The slider is keyboard-operable too: one token back.
  await page.getByRole('slider', { name: 'tokens generated' }).press('ArrowLeft');
  await expect(status(page)).toContainText('4 of 6 tokens');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(status(page)).toContainText('6 of 6 tokens', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
  await expect
    .poll(async () => (await readTable(page, 'attention weights, head 2')).cells[5], LONG)
    .toEqual(fullRow(view, 1, 5));
  // Play was one action: one Undo goes back to before it, one Redo to its end.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(status(page)).toContainText('4 of 6 tokens');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(status(page)).toContainText('6 of 6 tokens');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(status(page)).toHaveText('3 of 6 tokens in the cache: the prompt’s 3 in one call.');
  await expect.poll(async () => (await readTable(page, 'output')).rows.length, LONG).toBe(3);
  expect(errors).toEqual([]);
});

test('an embedding edit and a longer prompt recompute as the engine does; the link reopens them; undo', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '/?backend=reference#/4.2');
  await expectCells(page, 'output', rowsOf(item(kv.cached.output)));
  const cell = page.getByLabel('journey dimension 1', { exact: true });
  await cell.fill('-0.8');
  await cell.press('Tab');
  const prefill = page.getByLabel('prefill', { exact: true });
  await prefill.fill('4');
  await prefill.blur();
  await expect(page).toHaveURL(/\?s=/);
  const base = defaultView('4.2');
  const edited: ViewState = {
    ...base,
    embeddings: base.embeddings.map((row, i) => (i === 1 ? [-0.8, ...row.slice(1)] : row)),
    local: { prefill: 4, generated: 1 },
  };
  const [trace] = configsFor(edited).map((c) => runAttention(c));
  const cached = trace.cached;
  if (!cached) throw new Error('no cached path');
  await expectCells(page, 'output', blockRows(cached.output));
  await expectCells(page, 'attention weights, head 2', blockRows(cached.attn_weights, 0, 1));
  await expectCells(page, 'cached values, head 2', blockRows(cached.values, 0, 1));
  expect(fmt(trace.output.data[0])).toBe(fmt(cached.output.data[0]));

  const url = page.url();
  const other = await page.context().newPage();
  await open(other, url);
  await expect(status(other)).toContainText('5 of 6 tokens');
  await expectCells(other, 'output', blockRows(cached.output));
  await other.close();

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectCells(page, 'output', rowsOf(item(kv.cached.output)));
  expect(errors).toEqual([]);
});

test('hostile links: a negative prompt is clamped, a prompt past the tokens fitted, each with a message', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const link = (local: unknown) =>
    `/?backend=reference#/4.2?s=${packText(JSON.stringify({ v: 1, local }))}`;
  await open(page, link({ prefill: -2, generated: 1 }));
  await expect(
    page.getByText(messages.localFitted('prompt length (prefill)', 'prefill')),
  ).toBeVisible();
  await expect(status(page)).toContainText('2 of 6 tokens');

  await open(
    page,
    `/?backend=reference${encodeView({ ...defaultView('4.2'), local: { prefill: 9, generated: 20 } })}`,
  );
  await expect(
    page.getByText('The prompt (prefill = 9) must be 1 to 6 tokens; using 6.'),
  ).toBeVisible();
  await expect(status(page)).toContainText('6 of 6 tokens');
  await expect.poll(async () => (await readTable(page, 'output')).rows.length, LONG).toBe(6);
  expect(errors).toEqual([]);
});

test('KV groups = 1 (MQA): one cache both heads read, PyTorch’s numbers, a smaller cache; the link keeps it', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const mqa = beyond.kv_cache_mqa;
  await open(page, '/?backend=reference#/4.2');
  await expect(page.getByText(/The cache holds 32 numbers/)).toContainText('one per head (MHA)');
  const groups = page.getByLabel('KV groups', { exact: true });
  await groups.fill('1');
  await groups.blur();
  await expectCells(page, 'cached keys, K/V head 1', rowsOf(block(mqa.cached.keys, 0, 0)));
  await expectCells(page, 'cached values, K/V head 1', rowsOf(block(mqa.cached.values, 0, 0)));
  await expect(page.getByRole('table', { name: 'cached keys, head 2', exact: true })).toHaveCount(
    0,
  );
  await expectCells(page, 'attention weights, head 2', rowsOf(block(mqa.attn_weights, 0, 1)));
  await expectCells(page, 'output', rowsOf(item(mqa.cached.output)));
  await expect(page.getByText(/The cache holds 16 numbers \(64 bytes in float32\)/)).toContainText(
    '2× less than MHA’s 32',
  );
  await expect(
    page.getByText(/running output \(cached\) against the full causal pass: max \|Δ\| = /),
  ).toBeVisible();

  // The link carries the KV groups: a fresh page opens on the same shared cache.
  await expect(page).toHaveURL(/\?s=/);
  const other = await page.context().newPage();
  await open(other, page.url());
  await expect(other.getByLabel('KV groups', { exact: true })).toHaveValue('1');
  await expectCells(other, 'cached keys, K/V head 1', rowsOf(block(mqa.cached.keys, 0, 0)));
  await other.close();

  // A hostile link is clamped and says so; a count that does not divide the heads is fitted.
  await open(
    page,
    `/?backend=reference#/4.2?s=${packText(JSON.stringify({ v: 1, local: { kv_groups: 1e6 } }))}`,
  );
  await expect(page.getByText(messages.localFitted('KV groups', 'kv_groups'))).toBeVisible();
  await expect(page.getByRole('table', { name: 'cached keys, head 2', exact: true })).toBeAttached(
    LONG,
  );
  await groups.fill('3');
  await groups.blur();
  await expect(
    page.getByText('num_kv_groups = 3 does not divide num_heads = 2 evenly; using 2.'),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
