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

/** The book's embeddings with some values replaced: `{ 'row,col': value }`. */
function bookWith(changes: Record<string, number>): number[][] {
  return defaultView('3.3.2').embeddings.map((r, i) => r.map((x, j) => changes[`${i},${j}`] ?? x));
}

/** The on-screen weights are the reference engine's for these embeddings (within 1.5e-4). */
async function expectWeightsFor(page: Page, edited: number[][]) {
  const want = blockRows(runAttention({ variant: 'simple', embeddings: edited }).attn_weights);
  await expect
    .poll(async () => {
      const shown = (await readTable(page, 'attention weights')).cells;
      return Math.max(
        ...shown.flatMap((r, i) => r.map((v, j) => Math.abs(Number(v) - Number(want[i][j])))),
      );
    })
    .toBeLessThanOrEqual(1.5e-4);
}

/** The on-screen weights match PyTorch's within the backends' tolerance. */
async function expectBookWeights(page: Page) {
  const shown = (await readTable(page, 'attention weights')).cells.map((r) => r.map(Number));
  const worst = Math.max(
    ...shown.flatMap((row, i) => row.map((x, j) => Math.abs(x - weights[i][j]))),
  );
  expect(worst).toBeLessThanOrEqual(1.5e-4);
}

test('automatic: the reference engine paints first; the others are measured out of sight', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // Record every backend the badge names, from the first frame on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { backendsSeen: seen });
    new MutationObserver(() => {
      const b = document.querySelector('details.backend')?.getAttribute('data-backend');
      if (b && seen.at(-1) !== b) seen.push(b);
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  await page.goto('/#/3.3.2');
  await expect(page.locator('details.backend')).toHaveAttribute('data-backend', 'reference');
  await expectBookWeights(page);
  // The kernels and (WebGPU being present here) ONNX Runtime come up and are measured in the
  // background; whichever wins answers later edits, always with the same numbers.
  await badge(page).click();
  await expect(
    page.getByLabel('Backend', { exact: true }).locator('option', { hasText: 'loading' }),
  ).toHaveCount(0, { timeout: 90_000 });
  for (const x of [0.551, 0.552, 0.553]) {
    await page.getByLabel('journey dimension 1', { exact: true }).fill(String(x));
    await expect(badge(page)).not.toHaveAttribute('aria-label', /computing/);
    await expectWeightsFor(page, bookWith({ '1,0': x }));
  }
  const seen = await page.evaluate(
    () => (window as unknown as { backendsSeen: string[] }).backendsSeen,
  );
  // The reference paints first; then any measured winner (the kernels compute `simple` too).
  expect(seen[0]).toBe('reference');
});

test('the WASM SIMD kernels compute a causal step when forced, and the badge names them', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/?backend=kernel#/3.5.3');
  await expect(badge(page)).toHaveAttribute(
    'aria-label',
    /WASM SIMD kernels \(FMA\), \d threads?/,
    {
      timeout: 60_000,
    },
  );
  await expect(page.locator('details.backend')).toHaveAttribute('data-backend', 'kernel');
});

test("losing the WebGPU device falls back to the kernels without losing the learner's edits", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/?backend=webgpu#/3.3.2');
  await expect(page.locator('details.backend')).toHaveAttribute('data-backend', 'webgpu', {
    timeout: 60_000,
  });
  await page.getByLabel('journey dimension 1', { exact: true }).fill('0.56');
  await expect(page.locator('details.backend')).toHaveAttribute('data-backend', 'webgpu');
  await page.evaluate(() => window.attentionLab?.loseDevice());
  await page.getByLabel('starts dimension 2', { exact: true }).fill('0.84');
  // Next in the policy: our kernels, which compute every config.
  await expect(page.locator('details.backend')).toHaveAttribute('data-backend', 'kernel', {
    timeout: 30_000,
  });
  await expect(page.locator('.backend-details')).toContainText('device lost');
  // Both edits are still there and the weights are the reference engine's for them.
  await expect(page.getByLabel('journey dimension 1', { exact: true })).toHaveValue('0.56');
  await expectWeightsFor(page, bookWith({ '1,0': 0.56, '2,1': 0.84 }));
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
  await expectWeightsFor(page, bookWith({ '1,0': 0.56 }));
  await expect(page.locator('.backend-details')).not.toContainText('Session already started');
});

test('the GPT-2 step and the race, which compute in workers of their own, show no chapter-engine badge; going back brings it', async ({
  page,
}) => {
  for (const step of ['race', 'ex3.3']) {
    await page.goto(`/#/${step}`);
    await expect(page.getByText('this step computes in its own workers')).toBeVisible();
    await expect(page.locator('details.backend')).toHaveCount(0);
  }
  await page
    .getByRole('link', { name: /3\.3\.2/ })
    .first()
    .click();
  await expect(page.locator('details.backend')).toHaveAttribute('data-backend', /.+/);
  await expect(page.getByText('this step computes in its own workers')).toHaveCount(0);
});
