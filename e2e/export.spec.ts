import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { defaultView } from '../src/chapter/view.ts';
import { runnableScript } from '../src/export/script.ts';
import { block, bookTrace } from './support/book.ts';
import { fmt } from './support/tables.ts';

/** Exports: a panel's menu, opened by keyboard, copies its numbers and downloads its picture. */

test.beforeEach(async ({ context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

const weights = block(bookTrace({ variant: 'simple' }).attn_weights) as number[][];

test('copy the attention weights as a PyTorch tensor, by keyboard', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  const summary = page
    .locator('summary', { hasText: 'Export' })
    .and(page.getByLabel('Export attention weights', { exact: true }));
  await summary.focus();
  await page.keyboard.press('Enter');
  const copy = page.getByRole('button', { name: 'Copy as PyTorch tensor (4 decimals)' });
  await expect(copy).toBeVisible();
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Copied attention weights' }),
  ).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const want = `torch.tensor([${weights.map((r) => `[${r.map(fmt).join(', ')}]`).join(',\n              ')}])`;
  expect(text).toBe(want);
  await page.keyboard.press('Escape');
  await expect(copy).toBeHidden();
  await expect(summary).toBeFocused();
});

test('copy as CSV and JSON', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  await page.getByLabel('Export attention scores', { exact: true }).click();
  await page.getByRole('button', { name: 'Copy as CSV' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Copied attention scores' }),
  ).toBeVisible();
  const csv = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n');
  expect(csv[0]).toBe(',Your,journey,starts,with,one,step');
  const scores = block(bookTrace({ variant: 'simple' }).attn_scores) as number[][];
  const row2 = csv[2].split(',');
  expect(row2[0]).toBe('journey');
  for (const [j, x] of row2.slice(1).entries()) {
    expect(Math.abs(Number(x) - scores[1][j])).toBeLessThan(1e-6);
  }

  await page.getByRole('button', { name: 'Copy as JSON' }).click();
  const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(json.name).toBe('attention scores');
  expect(json.values[1][2]).toBeCloseTo(scores[1][2], 6);
});

test('download the heatmap as PNG and SVG', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  await page.getByLabel('Export attention weights', { exact: true }).click();
  for (const [name, check] of [
    [
      'Download PNG',
      (b: Buffer) => expect([...b.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]),
    ],
    [
      'Download SVG',
      (b: Buffer) =>
        expect(b.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/),
    ],
  ] as const) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^attention-weights\.(png|svg)$/);
    const path = await file.path();
    check(readFileSync(path));
  }
});

test('the PyTorch panel copies a runnable script with the learner’s numbers', async ({ page }) => {
  await page.goto('/?backend=reference#/3.5.3');
  const cell = page.getByLabel('journey dimension 1', { exact: true });
  await cell.fill('0.25');
  await cell.press('Tab');
  await page.getByRole('button', { name: 'Copy runnable script' }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const view = defaultView('3.5.3');
  view.embeddings[1][0] = 0.25;
  // test/export/script.test.ts runs this very script with PyTorch and checks what it prints.
  expect(text).toBe(runnableScript(view));
  expect(text).toContain('    [0.25, 0.87, 0.66],  # "journey"');
});
