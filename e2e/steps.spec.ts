import { expect, type Page, test } from '@playwright/test';
import { formatNumber } from '../src/chapter/format.ts';
import { stepDef } from '../src/chapter/steps/index.ts';
import { STEP_IDS, type StepId } from '../src/chapter/view.ts';
import { TrainingSession } from '../src/engine/train/session.ts';
import { DEFAULT_SETUP, trainingConfig } from '../src/training/setup.ts';
import beyond from '../test/fixtures/beyond-traces.json' with { type: 'json' };
import { BOOK_PRINTED } from '../test/fixtures/book-printed.ts';
import { block, bookTrace, dropoutOnOnes, item, param } from './support/book.ts';
import {
  collectErrors,
  expectCells,
  expectRow,
  readTable,
  rowsOf,
  screenshotWhole,
} from './support/tables.ts';
import { stepUrl } from './support/url.ts';

/**
 * The learner's walk through chapter 3: every step opens on the book's example and shows the
 * numbers PyTorch prints (test/fixtures/book.json, from ../shared/oracle), to 4 decimals.
 */

/** The training step's opening weights, as the engine computes them (4 decimals). */
function untrainedWeights(): string[][] {
  const { attn_weights } = new TrainingSession(trainingConfig(DEFAULT_SETUP)).peek();
  const t = 6;
  return Array.from({ length: t }, (_, i) =>
    Array.from(attn_weights.subarray(i * t, i * t + t), (v) => formatNumber(v)),
  );
}

const simple = bookTrace({ variant: 'simple' });
const v1 = bookTrace({ variant: 'v1' });
const v2 = bookTrace({ variant: 'v2', seed: 789 });
const causal = bookTrace({ variant: 'causal', dropout: 0 });
const dropped = bookTrace({ variant: 'causal', dropout: 0.5 });
const wrapper = bookTrace({ variant: 'mha_wrapper' });
const mha = bookTrace({ variant: 'mha', batch: 2 });

/** The book's printed masked_simple_norm (§3.5.1), which the −∞ way must reproduce. */
const MASKED_NORM = [
  ['1.0000', '0.0000', '0.0000', '0.0000', '0.0000', '0.0000'],
  ['0.5517', '0.4483', '0.0000', '0.0000', '0.0000', '0.0000'],
  ['0.3800', '0.3097', '0.3103', '0.0000', '0.0000', '0.0000'],
  ['0.2758', '0.2460', '0.2462', '0.2319', '0.0000', '0.0000'],
  ['0.2175', '0.1983', '0.1984', '0.1888', '0.1971', '0.0000'],
  ['0.1935', '0.1663', '0.1666', '0.1542', '0.1666', '0.1529'],
];

const KEY_NUMBERS: Record<StepId, (page: Page) => Promise<void>> = {
  '3.3.1': async (page) => {
    await expectRow(page, 'attention scores', 'journey', rowsOf(block(simple.attn_scores))[1]);
    // The book's attn_weights_2_tmp, normalised by the sum.
    await expectRow(
      page,
      'attention weights (normalised by sum)',
      'journey',
      BOOK_PRINTED.journeyWeightsBySum,
    );
    const weights = rowsOf(block(simple.attn_weights))[1];
    await expectRow(page, 'attention weights (naive softmax)', 'journey', weights);
    await expectRow(page, 'attention weights', 'journey', weights);
    await expectRow(page, 'context vector', 'journey', BOOK_PRINTED.journeyContext);
  },
  '3.3.2': async (page) => {
    await expectCells(page, 'attention scores', rowsOf(block(simple.attn_scores)));
    await expectCells(page, 'attention weights', rowsOf(block(simple.attn_weights)));
    await expectCells(page, 'context vectors', rowsOf(item(simple.output)));
  },
  '3.4.1': async (page) => {
    await expectCells(page, 'W_query', rowsOf(param(v1, 'W_query')));
    await expectRow(page, 'queries', 'journey', BOOK_PRINTED.journeyQuery);
    await expectCells(page, 'keys', rowsOf(block(v1.keys)));
    await expectRow(page, 'attention scores', 'journey', [
      '1.2705',
      '1.8524',
      '1.8111',
      '1.0795',
      '0.5577',
      '1.5440',
    ]);
    await expectRow(page, 'attention weights', 'journey', [
      '0.1500',
      '0.2264',
      '0.2199',
      '0.1311',
      '0.0906',
      '0.1820',
    ]);
    await expectRow(page, 'context vector', 'journey', BOOK_PRINTED.journeyContextTrainable);
  },
  '3.4.2': async (page) => {
    await expectCells(page, 'context vectors, SelfAttention_v1', rowsOf(item(v1.output)));
    await expectCells(page, 'W_query', rowsOf(param(v2, 'W_query')));
    await expectCells(page, 'attention weights', rowsOf(block(v2.attn_weights)));
    await expectCells(page, 'context vectors', rowsOf(item(v2.output)));
    await expectRow(page, 'context vectors', 'Your', BOOK_PRINTED.v2FirstOutput);
  },
  '3.5.1': async (page) => {
    await expectRow(page, 'attention weights before masking', 'Your', BOOK_PRINTED.v2FirstWeights);
    await expectCells(page, 'attention weights before masking', rowsOf(block(v2.attn_weights)));
    await expectCells(page, 'renormalised attention weights', MASKED_NORM);
    await expectCells(page, 'attention weights', MASKED_NORM);
    const masked = rowsOf(block(v2.attn_scores)).map((r, i) =>
      r.map((x, j) => (j > i ? '-inf' : x)),
    );
    await expectCells(page, 'masked scores', masked);
    await expect(page.getByText('Way 1 and way 2 give the same weights')).toBeVisible();
  },
  '3.5.2': async (page) => {
    await expectCells(page, 'dropout applied to ones', rowsOf(dropoutOnOnes(123)));
    await expectCells(page, 'dropout mask', rowsOf(block(dropped.dropout_mask)));
    await expectCells(
      page,
      'attention weights after dropout',
      rowsOf(block(dropped.attn_weights_dropped)),
    );
    await expectCells(page, 'context vectors', rowsOf(item(dropped.output)));
  },
  '3.5.3': async (page) => {
    await expectCells(page, 'attention weights', rowsOf(block(causal.attn_weights)));
    await expectRow(page, 'context vectors, batch 1', 'journey', ['-0.5874', '0.0058']);
    await expectCells(page, 'context vectors, batch 1', rowsOf(item(causal.output)));
    await expectCells(page, 'context vectors, batch 2', rowsOf(item(causal.output)));
  },
  '3.6.1': async (page) => {
    await expectCells(page, 'attention weights, head 1', rowsOf(block(wrapper.attn_weights, 0, 0)));
    await expectCells(page, 'attention weights, head 2', rowsOf(block(wrapper.attn_weights, 0, 1)));
    await expectCells(page, 'context vectors, head 2', rowsOf(block(wrapper.context, 0, 1)));
    await expectRow(page, 'output, batch 1', 'Your', ['-0.4519', '0.2216', '0.4772', '0.1063']);
    await expectCells(page, 'output, batch 2', rowsOf(item(wrapper.output)));
  },
  '3.6.2': async (page) => {
    await expectCells(page, 'queries, head 1', rowsOf(block(mha.queries, 0, 0)));
    await expectCells(page, 'attention weights, head 2', rowsOf(block(mha.attn_weights, 0, 1)));
    await expectCells(page, 'out_proj', rowsOf(param(mha, 'out_proj')));
    await expectRow(page, 'output, batch 1', 'journey', ['0.2943', '0.3897']);
    await expectCells(page, 'output, batch 1', rowsOf(item(mha.output, 0)));
    await expectCells(page, 'output, batch 2', rowsOf(item(mha.output, 1)));
    await expect(page.getByText('MultiHeadAttention and the wrapper: identical')).toBeVisible();
  },
  // Exercise 3.3 computes a GPT-2-sized layer in its own worker: e2e/gpt2.spec.ts checks its
  // numbers against PyTorch; here, that it opens on the book's sentence as six GPT-2 tokens.
  'ex3.3': async (page) => {
    test.setTimeout(180_000);
    const chips = page.getByRole('list', { name: 'tokens' }).getByRole('button');
    await expect(chips).toHaveCount(6, { timeout: 120_000 });
  },
  // Untrained: the seed's causal module on the tokens with positions (e2e/training.spec.ts trains).
  train: async (page) => {
    await expect(page.getByRole('status').filter({ hasText: /^step \d+/ })).toContainText('step 0');
    await expectCells(page, 'attention weights', untrainedWeights());
  },
  // Opens ready to race (every runner listed, with its reason where it cannot run); e2e/race.spec.ts races.
  race: async (page) => {
    await expect(page.getByRole('button', { name: 'Start the race' })).toBeEnabled();
    await expect(page.getByRole('checkbox', { name: /Einsum loop nest/ })).toBeChecked();
  },
  // The steps after chapter 3: e2e/beyond.spec.ts tests them in full.
  '4.1': async (page) => {
    const gqa = beyond.gqa_default;
    await expectCells(page, 'attention weights, head 3', rowsOf(block(gqa.attn_weights, 0, 2)));
    await expectCells(page, 'output', rowsOf(item(gqa.output)));
  },
  '4.2': async (page) => {
    const kv = beyond.kv_cache;
    await expectCells(page, 'cached keys, head 2', rowsOf(block(kv.cached.keys, 0, 1)));
    await expectCells(page, 'attention weights, head 1', rowsOf(block(kv.attn_weights, 0, 0)));
    await expectCells(page, 'output', rowsOf(item(kv.cached.output)));
  },
  '4.3': async (page) => {
    const min = beyond.padding_min;
    await expectCells(
      page,
      'attention weights (min), sentence 3',
      rowsOf(block(min.attn_weights, 2, 0)),
    );
  },
};

for (const id of STEP_IDS) {
  test(`step ${id} opens with the book's numbers`, async ({ page }) => {
    const errors = collectErrors(page);
    // The reference engine is PyTorch to the last bit; the backends' own spec checks the rest.
    await page.goto(`/?backend=reference#/${id}`);
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(
      page.getByRole('link', { name: new RegExp(`^${id.replace(/\./g, '\\.')}`) }),
    ).toHaveAttribute('aria-current', 'step');
    await KEY_NUMBERS[id](page);
    // a step with a body of its own (ex3.3) has no cell formulas to show
    if ((stepDef(id).body ?? 'panels') === 'panels') {
      await expect(
        page.getByRole('complementary', { name: 'formula' }).locator('.katex').first(),
      ).toBeVisible();
    }
    await screenshotWhole(page, `test-results/steps/${id}.png`);
    expect(errors).toEqual([]);
  });
}

test('← and → walk the steps; the hash follows and Back returns', async ({ page }) => {
  await page.goto('/?backend=reference');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('without trainable weights');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(stepUrl('3.3.2'));
  await expectRow(page, 'attention weights', 'journey', rowsOf(block(simple.attn_weights))[1]);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(stepUrl('3.4.1'));
  await page.goBack();
  await expect(page).toHaveURL(stepUrl('3.3.2'));
  await expect(page.getByRole('heading', { level: 2 })).toContainText('for all input tokens');
  // Keys typed into a field stay in the field.
  await page.getByLabel('journey dimension 1').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(stepUrl('3.3.2'));
});

test('phone width and dark mode: no sideways scrolling, screenshots', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  for (const id of ['3.3.1', '3.5.1', '3.6.2'] as const) {
    await page.goto(`/?backend=reference#/${id}`);
    await expect.poll(async () => (await readTable(page, 'embeddings')).rows.length).toBe(6);
    await expect(page.locator('.panel').first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${id} page width`).toBeLessThanOrEqual(375);
    await screenshotWhole(page, `test-results/steps/${id}-phone.png`);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?backend=reference#/3.5.2');
  await expect(page.getByRole('table', { name: 'dropout mask' })).toBeAttached();
  await screenshotWhole(page, 'test-results/steps/3.5.2-dark.png');
});
