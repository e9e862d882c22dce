import { expect, type Page, test } from '@playwright/test';
import { violations } from './support/axe.ts';
import { holdRequests } from './support/hold.ts';

/**
 * The build writes the landing view (the book's §3.3.1) into index.html: the first frame holds
 * the book's numbers before the app's scripts have run. The copy is inert — nothing in it can be
 * focused or edited — and the app replaces it with the live view; an inline script drops it
 * before the first paint whenever the app opens something else. The app's script is held back
 * here so the copy can be looked at alone.
 */

test.beforeEach(() => test.setTimeout(120_000));

/** Holds the app's own script (not the boot script). */
const holdApp = (page: Page) => holdRequests(page, /\/assets\/main-[^/]+\.js$/);

const copy = (page: Page) => page.locator('#prerendered');

/**
 * The document parsed past the copy and the inline script that keeps or hides it (its traces follow).
 * Not DOMContentLoaded: that waits for the held app script.
 */
async function parsed(page: Page): Promise<void> {
  await expect(page.locator('#prerendered-traces')).toBeAttached();
}

test('the book’s §3.3.1 is on screen before the app runs, inert, then the live app takes over', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const release = await holdApp(page);
  await page.goto('/', { waitUntil: 'commit' });
  await parsed(page);
  // The copy: the book's scores and weights for the query "journey", as the app draws them.
  await expect(copy(page)).toContainText('0.9544');
  await expect(copy(page)).toContainText('1.4950');
  await expect(copy(page)).toContainText('0.2379');
  await expect(copy(page).locator('.backend-label')).toHaveText('starting…');
  // Inert: out of the tab order, and a click on its inputs edits nothing.
  await expect(copy(page)).toHaveAttribute('inert', '');
  const inCopy = () => page.evaluate(() => !!document.activeElement?.closest('#prerendered'));
  await page.keyboard.press('Tab');
  expect(await inCopy()).toBe(false);
  await copy(page).locator('input').first().click({ force: true });
  expect(await inCopy()).toBe(false);
  await page.screenshot({ path: 'test-results/prerendered/landing-copy-1280.png' });

  release();
  await expect(copy(page)).toHaveCount(0, { timeout: 30_000 });
  const weights = page.getByRole('img', { name: /Heatmap of attention weights/ }).first();
  await expect(weights).toBeVisible();
  await expect(
    page
      .getByRole('group', { name: /Backend/ })
      .or(page.locator('.backend-label'))
      .first(),
  ).toContainText(/reference|kernels|WASM|WebGPU/, { timeout: 30_000 });
  // The live view edits: journey's first dimension changes its scores.
  const journey = page.getByRole('textbox', { name: 'journey dimension 1' });
  await journey.fill('0.65');
  await journey.press('Enter');
  await expect(page.locator('main')).not.toContainText('0.9544');
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/prerendered/landing-live-1280.png' });
});

const dropped: { name: string; url: string; width?: number; session?: string }[] = [
  { name: 'a link to another step', url: '/#/3.4.1' },
  { name: 'a link with edits', url: '/#/3.3.1?s=tampered' },
  { name: 'a forced backend', url: '/?backend=reference' },
  { name: 'a saved session on another step', url: '/', session: '#/3.5.1' },
  { name: 'a narrow screen', url: '/', width: 375 },
];

for (const { name, url, width, session } of dropped) {
  test(`no copy of §3.3.1 is shown for ${name}`, async ({ page }) => {
    await page.setViewportSize({ width: width ?? 1280, height: 720 });
    if (session) {
      await page.addInitScript((s) => localStorage.setItem('attention-lab:session', s), session);
    }
    const release = await holdApp(page);
    await page.goto(url, { waitUntil: 'commit' });
    await parsed(page);
    // Hidden from the start: the build's script decides before the copy is parsed…
    await expect(copy(page)).toBeHidden();
    await expect(page.locator('body')).not.toContainText('0.9544', { useInnerText: true });
    release();
    await expect(page.locator('.site-header')).toBeVisible({ timeout: 30_000 });
    // …and the app removes it.
    await expect(copy(page)).toHaveCount(0);
  });
}

test('a saved session that is the book’s §3.3.1 keeps the copy', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => localStorage.setItem('attention-lab:session', '#/3.3.1'));
  const release = await holdApp(page);
  await page.goto('/', { waitUntil: 'commit' });
  await parsed(page);
  await expect(copy(page)).toContainText('0.9544');
  release();
  await expect(copy(page)).toHaveCount(0, { timeout: 30_000 });
});
