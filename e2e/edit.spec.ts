import { expect, type Page, test } from '@playwright/test';
import { configsFor } from '../src/chapter/steps/index.ts';
import { defaultView, type StepId } from '../src/chapter/view.ts';
import { runAttention } from '../src/engine/run.ts';
import { block, bookTrace, item } from './support/book.ts';
import { dragPoint } from './support/drag.ts';
import { blockRows, collectErrors, expectCells, readTable, rowsOf } from './support/tables.ts';

/**
 * Editing the inputs: every tensor on screen is recomputed and equals what the reference engine
 * computes, in Node, for the edited inputs. The page runs on the reference backend here so the
 * comparison is exact; e2e/backends.spec.ts holds the other backends to it.
 */

/** The traces the step shows for these inputs, computed here by the reference engine. */
function expected(step: StepId, embeddings: number[][], tokens?: string[]) {
  const view = { ...defaultView(step), embeddings, ...(tokens ? { tokens } : {}) };
  return configsFor(view).map((c) => runAttention(c));
}

/** The embeddings as the editor's inputs hold them. */
async function editorInputs(page: Page): Promise<{ tokens: string[]; embeddings: number[][] }> {
  return page.getByRole('table', { name: 'embeddings' }).evaluate((el) => {
    const rows = [...el.querySelectorAll('tbody tr')];
    return {
      tokens: rows.map((r) => (r.querySelector('th input') as HTMLInputElement).value),
      embeddings: rows.map((r) =>
        [...r.querySelectorAll('td input')].map((i) => Number((i as HTMLInputElement).value)),
      ),
    };
  });
}

const BOOK = defaultView('3.3.2').embeddings;

test('typing into an embedding cell recomputes scores, weights and context vectors', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?backend=reference#/3.3.2');
  await expectCells(
    page,
    'attention weights',
    rowsOf(block(bookTrace({ variant: 'simple' }).attn_weights)),
  );
  await page.getByLabel('journey dimension 1', { exact: true }).fill('0.9');
  const edited = BOOK.map((r, i) => (i === 1 ? [0.9, r[1], r[2]] : r));
  const [trace] = expected('3.3.2', edited);
  await expectCells(page, 'attention scores', blockRows(trace.attn_scores));
  await expectCells(page, 'attention weights', blockRows(trace.attn_weights));
  await expectCells(page, 'context vectors', blockRows(trace.output));
  // The benchmark's measure of edit → painted heatmap exists.
  const measures = await page.evaluate(
    () => performance.getEntriesByName('edit-to-paint', 'measure').length,
  );
  expect(measures).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('a step with two modules recomputes both (3.4.2: SelfAttention_v1 and _v2)', async ({
  page,
}) => {
  await page.goto('/?backend=reference#/3.4.2');
  await page.getByLabel('starts dimension 3', { exact: true }).fill('-1.5');
  const edited = BOOK.map((r, i) => (i === 2 ? [r[0], r[1], -1.5] : r));
  const [v2, v1] = expected('3.4.2', edited);
  await expectCells(page, 'context vectors', blockRows(v2.output));
  await expectCells(page, 'attention weights', blockRows(v2.attn_weights));
  await expectCells(page, 'context vectors, SelfAttention_v1', blockRows(v1.output));
});

test('"abc" in a cell shows a message by that cell and keeps the last valid value', async ({
  page,
}) => {
  await page.goto('/?backend=reference#/3.3.2');
  const cell = page.getByLabel('journey dimension 2', { exact: true });
  await cell.fill('abc');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  const message = page.getByRole('alert').filter({ hasText: 'not a number' });
  await expect(message).toContainText('Keeping 0.87');
  await expect(cell).toHaveAttribute(
    'aria-describedby',
    (await message.getAttribute('id')) ?? 'none',
  );
  await expectCells(
    page,
    'attention weights',
    rowsOf(block(bookTrace({ variant: 'simple' }).attn_weights)),
  );
  await cell.blur();
  await expect(cell).toHaveValue('0.87');
  await expect(message).toHaveCount(0);
});

test('dragging a point in the scatter edits two dimensions and recomputes', async ({ page }) => {
  await page.goto('/?backend=reference#/3.5.3');
  await dragPoint(page, 'with', -60, 45);
  const { tokens, embeddings } = await editorInputs(page);
  expect(embeddings[3][0]).toBeLessThan(0.22);
  expect(embeddings[3][1]).toBeLessThan(0.58);
  expect(embeddings[3][2]).toBe(0.33);
  const [trace] = expected('3.5.3', embeddings, tokens);
  await expectCells(page, 'attention weights', blockRows(trace.attn_weights));
  await expectCells(page, 'context vectors, batch 1', blockRows(trace.output, 0));
  await expectCells(page, 'context vectors, batch 2', blockRows(trace.output, 1));
});

test('pressing where two points overlap grabs the one whose centre is nearest', async ({
  page,
}) => {
  // The book's "journey" (0.55, 0.87) and "starts" (0.57, 0.85) nearly coincide; "starts" is
  // drawn on top, so without picking by distance a press on journey's centre grabbed "starts".
  await page.goto('/?backend=reference#/3.3.2');
  const journey = page.getByRole('button', { name: /^Move journey:/ });
  // to the middle of the window, clear of the formula bar pinned at the bottom
  await journey.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const box = await journey.boundingBox();
  if (!box) throw new Error('journey has no point');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 60, y + 45, { steps: 8 });
  await page.mouse.up();
  const { embeddings } = await editorInputs(page);
  expect(embeddings[1][0]).toBeLessThan(0.55);
  expect(embeddings[1][1]).toBeLessThan(0.87);
  expect(embeddings[2]).toEqual([0.57, 0.85, 0.64]);
});

test('tokens: rename, add, remove, random, reset', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  await page.getByLabel('token 2 name').fill('trip');
  await expect.poll(async () => (await readTable(page, 'attention weights')).rows[1]).toBe('trip');

  await page.getByRole('button', { name: 'Add token' }).click();
  await expect.poll(async () => (await readTable(page, 'attention weights')).rows.length).toBe(7);
  let inputs = await editorInputs(page);
  await expectCells(
    page,
    'attention weights',
    blockRows(expected('3.3.2', inputs.embeddings, inputs.tokens)[0].attn_weights),
  );

  await page.getByRole('button', { name: 'Remove Your' }).click();
  await expect.poll(async () => (await readTable(page, 'attention weights')).rows[0]).toBe('trip');
  inputs = await editorInputs(page);
  expect(inputs.tokens).toHaveLength(6);
  await expectCells(
    page,
    'context vectors',
    blockRows(expected('3.3.2', inputs.embeddings, inputs.tokens)[0].output),
  );

  await page.getByLabel('from seed').fill('5');
  await page.getByRole('button', { name: 'Random embeddings' }).click();
  await expect
    .poll(async () => (await editorInputs(page)).embeddings)
    .not.toEqual(inputs.embeddings);
  inputs = await editorInputs(page);
  await expectCells(
    page,
    'attention weights',
    blockRows(expected('3.3.2', inputs.embeddings, inputs.tokens)[0].attn_weights),
  );

  await page.getByRole('button', { name: 'Reset to the book’s example' }).click();
  await expectCells(
    page,
    'attention weights',
    rowsOf(block(bookTrace({ variant: 'simple' }).attn_weights)),
  );
  await expect
    .poll(async () => (await readTable(page, 'attention weights')).rows[1])
    .toBe('journey');
});

test('controls recompute; a refused setting shows its error there and keeps the last result', async ({
  page,
}) => {
  await page.goto('/?backend=reference#/3.4.2');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('789');
  await page.getByLabel('Seed', { exact: true }).fill('123');
  await expectCells(
    page,
    'context vectors',
    rowsOf(item(bookTrace({ variant: 'v2', seed: 123 }).output)),
  );

  await page.goto('/?backend=reference#/3.6.2');
  const mha = bookTrace({ variant: 'mha', batch: 2 });
  await expectCells(page, 'output, batch 1', rowsOf(item(mha.output)));
  await page.getByLabel('num_heads', { exact: true }).fill('3');
  await expect(page.getByRole('alert').filter({ hasText: 'divisible' })).toBeVisible();
  await expectCells(page, 'output, batch 1', rowsOf(item(mha.output)));
  await page.getByLabel('d_out', { exact: true }).fill('6');
  await expect(page.getByRole('alert').filter({ hasText: 'divisible' })).toHaveCount(0);
  const view = { ...defaultView('3.6.2'), d_out: 6, num_heads: 3 };
  const [trace] = configsFor(view).map((c) => runAttention(c));
  await expectCells(page, 'output, batch 1', blockRows(trace.output, 0));
  await expect(page.getByRole('table', { name: 'attention weights, head 3' })).toBeAttached();
});
