import { expect, type Page, test } from '@playwright/test';
import { violations } from './support/axe.ts';
import { holdRequests } from './support/hold.ts';

/**
 * The first paint does not wait for KaTeX: the formula bar shows the formula as plain text (the
 * same text its screen-reader line says) until KaTeX has loaded, then typesets it, MathML
 * included. KaTeX's chunk is held back here until the placeholder has been seen.
 */

test.beforeEach(() => test.setTimeout(120_000));

/**
 * KaTeX's script is held back. Its stylesheet is let through: axe reads every stylesheet of the
 * page, and would wait for a held one.
 */
const holdKatex = (page: Page) => holdRequests(page, /\/assets\/typeset-[^/]+\.js$/);

for (const width of [1280, 375]) {
  test(`§3.3.1 at ${width} px: plain-text formula first, then KaTeX's, same words to a screen reader`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 1280 ? 720 : 740 });
    const release = await holdKatex(page);
    await page.goto('/?backend=reference#/3.3.1');
    const bar = page.getByRole('complementary', { name: 'formula' });
    const spoken = page.getByTestId('formula-text');
    await expect(spoken).toHaveText('α22 = exp(ω22) / Σ exp(…) = 4.4593 / 18.7453 = 0.2379');
    const pending = bar.locator('.tex-pending');
    await expect(pending).toHaveText((await spoken.textContent()) ?? '');
    await expect(bar.locator('.katex')).toHaveCount(0);
    const before = await bar.boundingBox();
    await page.screenshot({ path: `test-results/first-paint/3.3.1-${width}-before-katex.png` });
    expect(await violations(page)).toEqual([]);

    release();
    // KaTeX's chunk is a quarter of a megabyte to parse: generous on a loaded machine.
    await expect(bar.locator('.katex-html')).toContainText('4.4593', { timeout: 30_000 });
    await expect(bar.locator('.katex math annotation')).toHaveText(/\\alpha/);
    await expect(pending).toHaveCount(0);
    await expect(spoken).toHaveText('α22 = exp(ω22) / Σ exp(…) = 4.4593 / 18.7453 = 0.2379');
    // KaTeX's own stylesheet came with it (its fonts, its hidden MathML).
    await expect(bar.locator('.katex-mathml')).toHaveCSS('position', 'absolute');
    const after = await bar.boundingBox();
    // The bar keeps its height to the pixel: no jump when the formula is typeset.
    expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `test-results/first-paint/3.3.1-${width}-after-katex.png` });
    expect(await violations(page)).toEqual([]);
  });
}

test('a formula opened after KaTeX has loaded is typeset at once, in display mode', async ({
  page,
}) => {
  await page.goto('/?backend=reference#/3.3.2');
  const bar = page.getByRole('complementary', { name: 'formula' });
  await expect(bar.locator('.katex')).toBeVisible();
  await page
    .getByRole('img', { name: /^Heatmap of attention scores:/ })
    .locator('[data-row="1"][data-col="2"]')
    .hover();
  await expect(bar.locator('.formula-body .katex-display')).toContainText('1.4754');
  await expect(bar.locator('.tex-pending')).toHaveCount(0);
});
