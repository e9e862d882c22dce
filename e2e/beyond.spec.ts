import { expect, type Page, test } from '@playwright/test';
import { configsFor } from '../src/chapter/steps/index.ts';
import { defaultView, type ViewState } from '../src/chapter/view.ts';
import { runAttention } from '../src/engine/run.ts';
import { encodeView } from '../src/permalink/index.ts';
import beyond from '../test/fixtures/beyond-traces.json' with { type: 'json' };
import { block, item } from './support/book.ts';
import { blockRows, collectErrors, readTable, rowsOf, screenshotWhole } from './support/tables.ts';

/**
 * The three steps after chapter 3 (GQA/MQA, KV cache, padding): each opens on its book-style
 * defaults with PyTorch's numbers (test/fixtures/beyond-traces.json, from ../shared/oracle),
 * recomputes an edit exactly as the reference engine does in Node, and reopens from its link.
 */

const link = (view: ViewState) => `/?backend=reference${encodeView(view)}`;

// The machine running these may be slow: the first paint of a page gets a minute.
test.describe.configure({ timeout: 180_000 });

/** Waits (patiently: a slow machine) until the named table holds exactly these cells. */
async function expectCells(page: Page, name: string, cells: string[][]): Promise<void> {
  await expect
    .poll(async () => (await readTable(page, name)).cells, { message: name, timeout: 30_000 })
    .toEqual(cells);
}

async function open(page: Page, url: string, table: string) {
  await page.goto(url);
  await expect(page.getByRole('table', { name: table, exact: true })).toBeAttached({
    timeout: 60_000,
  });
}
const engine = (view: ViewState) => configsFor(view).map((c) => runAttention(c));

async function setNumber(page: Page, label: string, value: number) {
  const box = page.getByLabel(label, { exact: true });
  await box.fill(String(value));
  await box.blur();
}

test.describe('4.1 grouped-query attention', () => {
  const gqa = beyond.gqa_default;

  test('opens with PyTorch’s GroupedQueryAttention numbers and the sizes compared', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await open(page, '/?backend=reference#/4.1', 'output');
    await expect(page.getByRole('heading', { level: 2 })).toContainText('Grouped-query');
    await expectCells(page, 'keys, K/V head 2', rowsOf(block(gqa.keys, 0, 1)));
    for (const h of [0, 1, 2, 3])
      await expectCells(
        page,
        `attention weights, head ${h + 1}`,
        rowsOf(block(gqa.attn_weights, 0, h)),
      );
    await expectCells(page, 'output', rowsOf(item(gqa.output)));
    await expect(
      page.getByRole('img', { name: /K\/V head 1 serves query heads 1, 2;/ }),
    ).toBeVisible();
    const table = await readTable(page, 'MHA, GQA and MQA compared');
    const row = (name: string) => table.cells[table.rows.indexOf(name)];
    expect(row('Llama-3-8B GQA')).toEqual(['GQA', '8', '1,342,177,280', '131,072 B (128 KiB)']);
    expect(row('Llama-3-8B MHA')).toEqual(['MHA', '32', '2,147,483,648', '524,288 B (512 KiB)']);
    expect(row('GPT-2 small (124M) MHA')).toEqual(['MHA', '12', '28,348,416', '36,864 B (36 KiB)']);
    await expect(
      page.getByRole('img', { name: /KV-cache size against context length/ }),
    ).toBeVisible();
    await screenshotWhole(page, 'test-results/beyond/4.1.png');
    expect(errors).toEqual([]);
  });

  test('at 375 px the comparison keeps each model name on one line and scrolls in its own region', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await open(page, '/?backend=reference#/4.1', 'output');
    const region = page.getByRole('region', { name: 'MHA, GQA and MQA compared, scrollable' });
    const table = region.getByRole('table', { name: 'MHA, GQA and MQA compared' });
    await table.scrollIntoViewIfNeeded();
    const name = table.getByRole('rowheader', { name: 'Llama-3-8B MHA' });
    const tokens = table.getByRole('rowheader', { name: 'GPT-2 small (124M) MHA' });
    const lineHeight = await name.evaluate((el) =>
      Number.parseFloat(getComputedStyle(el).lineHeight),
    );
    for (const cell of [name, tokens])
      expect((await cell.boundingBox())?.height ?? 0).toBeLessThan(1.6 * lineHeight + 8);
    // The page never scrolls sideways; the region does, and takes focus (keys scroll it).
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways).toBe(0);
    await region.focus();
    const box = await region.boundingBox();
    await region.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // → scrolled the table; it did not turn the page to the next step.
    await expect(page).toHaveURL(/#\/4\.1/);
    // The model names stay pinned at the left edge while the numbers scroll under them.
    expect(Math.abs(((await name.boundingBox())?.x ?? 0) - (box?.x ?? 0))).toBeLessThan(2);
  });

  test('multi-query: one K/V head for all, recomputed as the engine does; the link reopens it; undo', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await open(page, '/?backend=reference#/4.1', 'output');
    await expectCells(page, 'output', rowsOf(item(gqa.output)));
    await setNumber(page, 'num_kv_groups', 1);
    await expect(page).toHaveURL(/\?s=/);
    await expect(
      page.getByRole('img', { name: /K\/V head 1 serves query heads 1, 2, 3, 4/ }),
    ).toBeVisible();
    const mqa: ViewState = { ...defaultView('4.1'), local: { num_kv_groups: 1 } };
    const [trace] = engine(mqa);
    expect(trace.keys.shape).toEqual([1, 1, 6, 2]);
    await expectCells(page, 'keys, K/V head 1', blockRows(trace.keys, 0, 0));
    await expectCells(page, 'attention weights, head 4', blockRows(trace.attn_weights, 0, 3));
    await expectCells(page, 'output', blockRows(trace.output));
    await expect(page.getByRole('table', { name: 'keys, K/V head 2' })).toHaveCount(0);
    const url = page.url();
    expect(url).toContain('?s=');

    const other = await page.context().newPage();
    await open(other, url, 'output');
    await expectCells(other, 'attention weights, head 4', blockRows(trace.attn_weights, 0, 3));
    await other.close();

    await page.getByRole('button', { name: 'Undo' }).click();
    await expectCells(page, 'output', rowsOf(item(gqa.output)));
    expect(errors).toEqual([]);
  });

  test('a link whose num_kv_groups does not divide num_heads uses the nearest divisor and says so', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await open(page, link({ ...defaultView('4.1'), local: { num_kv_groups: 3 } }), 'output');
    await expect(
      page.getByText('num_kv_groups = 3 does not divide num_heads = 4 evenly; using 2.'),
    ).toBeVisible();
    await expectCells(page, 'output', rowsOf(item(gqa.output)));
    expect(errors).toEqual([]);
  });
});

/** The oracle writes NaN as "nan"; the page prints it as "NaN". */
const nanRows = (rows: string[][]) => rows.map((r) => r.map((x) => (x === 'nan' ? 'NaN' : x)));

test.describe('4.3 padding', () => {
  const inf = beyond.padding_inf;
  const min = beyond.padding_min;
  const none = beyond.padding_unmasked;

  test('opens with PyTorch’s NaN rows (−∞), uniform rows (min) and the leak without the mask', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await open(page, '/?backend=reference#/4.3', 'attention weights (min), sentence 3');
    for (const b of [0, 1, 2]) {
      const s = `sentence ${b + 1}`;
      await expectCells(
        page,
        `attention weights (-inf), ${s}`,
        nanRows(rowsOf(block(inf.attn_weights, b, 0))),
      );
      await expectCells(
        page,
        `attention weights (min), ${s}`,
        rowsOf(block(min.attn_weights, b, 0)),
      );
    }
    // Sentence 3 is "one step" behind 4 pads: rows 1–4 are pads; with −∞ row 1 is all NaN.
    const table = await readTable(page, 'attention weights (-inf), sentence 3');
    expect(table.rows).toEqual(['<pad>', '<pad>', '<pad>', '<pad>', 'one', 'step']);
    expect(table.cells[0]).toEqual(Array(6).fill('NaN'));
    expect((await readTable(page, 'attention weights (min), sentence 3')).cells[0]).toEqual(
      Array(6).fill('0.1667'),
    );
    // The leak: unmasked − masked output on the real rows, from PyTorch's two runs.
    const leak = (await readTable(page, 'leak without the mask, sentence 3')).cells;
    const want = [4, 5].map((t) =>
      (min.output[2][t] as number[]).map((m, d) => (none.output[2][t][d] as number) - m),
    );
    for (const [i, t] of [4, 5].entries())
      leak[t].forEach((cell, d) => {
        expect(Math.abs(Number(cell) - want[i][d])).toBeLessThan(6e-5);
      });
    await expect(page.locator('.heatmap text', { hasText: 'NaN' }).first()).toBeVisible();
    await screenshotWhole(page, 'test-results/beyond/4.3.png');
    expect(errors).toEqual([]);
  });

  test('a shorter sentence recomputes as the engine does, the link reopens it, undo restores', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await open(page, '/?backend=reference#/4.3', 'attention weights (min), sentence 2');
    await expectCells(
      page,
      'attention weights (min), sentence 2',
      rowsOf(block(min.attn_weights, 1, 0)),
    );
    await page.getByRole('button', { name: 'Remove a token from sentence 2' }).click();
    await expect(page).toHaveURL(/\?s=/);
    await expect(page.locator('.sentence').nth(1)).toContainText('(2 tokens, 4 pad)');
    const edited: ViewState = {
      ...defaultView('4.3'),
      local: {
        sentences: [
          { start: 0, length: 6 },
          { start: 0, length: 2 },
          { start: 4, length: 2 },
        ],
      },
    };
    const [withInf, withMin, without] = engine(edited);
    await expectCells(
      page,
      'attention weights (min), sentence 2',
      blockRows(withMin.attn_weights, 1, 0),
    );
    await expectCells(
      page,
      'attention weights (-inf), sentence 2',
      blockRows(withInf.attn_weights, 1, 0),
    );
    expect(without.output.shape).toEqual([3, 6, 2]);
    const url = page.url();
    const other = await page.context().newPage();
    await open(other, url, 'attention weights (min), sentence 2');
    await expectCells(
      other,
      'attention weights (min), sentence 2',
      blockRows(withMin.attn_weights, 1, 0),
    );
    await other.close();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expectCells(
      page,
      'attention weights (min), sentence 2',
      rowsOf(block(min.attn_weights, 1, 0)),
    );
    expect(errors).toEqual([]);
  });

  test('hostile batches: an empty sentence (all-zero mask) and one past the tokens are clamped, with messages', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    const bad = (sentences: unknown) =>
      link({ ...defaultView('4.3'), local: { sentences: sentences as never } });
    await open(
      page,
      bad([
        { start: 0, length: 6 },
        { start: 2, length: 0 },
      ]),
      'attention weights (min), sentence 2',
    );
    await expect(page.getByRole('alert').filter({ hasText: 'batch of sentences' })).toBeVisible();
    await open(
      page,
      bad([
        { start: 0, length: 6 },
        { start: 5, length: 4 },
      ]),
      'attention weights (min), sentence 2',
    );
    await expect(
      page.getByText('Sentence 2 (tokens 6–9) runs past the 6 tokens; using tokens 6–6.'),
    ).toBeVisible();
    expect(errors).toEqual([]);
  });
});
