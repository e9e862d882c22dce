import { expect, type Page, test } from '@playwright/test';
import { defaultView } from '../src/chapter/view.ts';
import { runAttention } from '../src/engine/run.ts';
import { block, bookTrace } from './support/book.ts';
import { blockRows, readTable } from './support/tables.ts';

/**
 * The backend badge names who computed the numbers on screen. The page paints with the
 * reference engine first and recomputes when ONNX Runtime comes up; a forced backend sticks.
 */

const badge = (page: Page) => page.locator('details.backend > summary');
const weights = block(bookTrace({ variant: 'simple' }).attn_weights) as number[][];

/** The on-screen weights match PyTorch's within the backends' tolerance. */
async function expectBookWeights(page: Page) {
  const shown = (await readTable(page, 'attention weights')).cells.map((r) => r.map(Number));
  const worst = Math.max(
    ...shown.flatMap((row, i) => row.map((x, j) => Math.abs(x - weights[i][j]))),
  );
  expect(worst).toBeLessThanOrEqual(1.5e-4);
}

test('automatic: reference first, then the better backend once it is ready', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/#/3.3.2');
  await expect(badge(page)).toHaveAttribute('aria-label', /Backend: .* · [\d.]+ ms/);
  await expect(badge(page)).not.toHaveAttribute('aria-label', /reference|starting/, {
    timeout: 40_000,
  });
  await expectBookWeights(page);
});

test('forcing a backend from the settings, and listing fallbacks', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/?backend=reference#/3.3.2');
  await expect(badge(page)).toHaveAttribute('aria-label', /reference/);
  await badge(page).click();
  const select = page.getByLabel('Backend', { exact: true });
  await expect(select).toHaveValue('reference');
  await select.selectOption('wasm');
  await expect(badge(page)).toHaveAttribute('aria-label', /WASM/i, { timeout: 40_000 });
  await expectBookWeights(page);
  // Once every backend has reported (usable or with its reason), an edit stays on WASM.
  // (Edits while ONNX Runtime is still probing WebGPU can lose WASM: reported to the engine.)
  await expect(select.locator('option', { hasText: 'loading' })).toHaveCount(0, {
    timeout: 30_000,
  });
  await page.getByLabel('journey dimension 1', { exact: true }).fill('0.56');
  await expect(badge(page)).toHaveAttribute('aria-label', /WASM/i);
  const edited = defaultView('3.3.2').embeddings.map((r, i) => (i === 1 ? [0.56, r[1], r[2]] : r));
  const want = blockRows(runAttention({ variant: 'simple', embeddings: edited }).attn_weights);
  await expect
    .poll(async () => {
      const shown = (await readTable(page, 'attention weights')).cells;
      return Math.max(
        ...shown.flatMap((r, i) => r.map((x, j) => Math.abs(Number(x) - Number(want[i][j])))),
      );
    })
    .toBeLessThanOrEqual(1.5e-4);
  await expect(page.locator('.backend-details')).not.toContainText('Session already started');
});
