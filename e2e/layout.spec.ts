import { expect, type Locator, type Page, test } from '@playwright/test';
import { stepDef } from '../src/chapter/steps/index.ts';
import { STEP_IDS, type StepId } from '../src/chapter/view.ts';

/** The chapter's panel steps; steps with a page of their own (GPT-2, 4.x, training) lay it out. */
const PANEL_STEPS = STEP_IDS.filter((id) => (stepDef(id).body ?? 'panels') === 'panels');

import { collectErrors } from './support/tables.ts';

// The worker computes while ONNX Runtime loads beside it: slow on a busy machine, never wrong.
test.describe.configure({ timeout: 90_000 });

/**
 * Edit and watch on one screen: with "journey dimension 1" focused, the step's attention
 * weights (on §3.3.1 and §3.3.2 the scores too) are in the window, and neither the formula bar
 * nor the editing column covers them or the focused field. Screenshots of every step go to
 * test-results/layout/.
 */

/** The pictures an edit of the embeddings must be watched in, by their panels' names. */
function watched(step: StepId): string[] {
  if (step === '3.3.1' || step === '3.3.2') return ['attention scores', 'attention weights'];
  if (step === '3.6.1' || step === '3.6.2') return ['attention weights, head 1'];
  return ['attention weights'];
}

const picture = (page: Page, name: string) =>
  page.getByRole('img', { name: new RegExp(`^Heatmap of ${name}:`) });

interface Seen {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The top of the formula bar: what lies below it is covered. */
  barTop: number;
  width: number;
  /** What the hit test at the box's centre found belongs to the element itself. */
  hit: boolean;
  focused: boolean;
}

async function seen(target: Locator): Promise<Seen> {
  return target.evaluate((el) => {
    const b = el.getBoundingClientRect();
    const hitAt = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    const bar = document.querySelector('aside.formula');
    return {
      top: b.top,
      bottom: b.bottom,
      left: b.left,
      right: b.right,
      barTop: bar ? bar.getBoundingClientRect().top : window.innerHeight,
      width: window.innerWidth,
      hit: hitAt !== null && (hitAt === el || el.contains(hitAt)),
      focused: document.activeElement === el,
    };
  });
}

/** Wholly inside the window, above the formula bar, and on top at its centre. */
function expectInView(s: Seen, what: string) {
  expect(s.top, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(s.bottom, `${what}: bottom above the formula bar`).toBeLessThanOrEqual(s.barTop);
  expect(s.left, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(s.right, `${what}: right`).toBeLessThanOrEqual(s.width);
  expect(s.hit, `${what}: not covered at its centre`).toBe(true);
}

/** Scrolls the window so that all the targets are in view together, if they are not already. */
async function scrollToShow(page: Page, targets: Locator[]) {
  const boxes = await Promise.all(
    targets.map((t) => t.evaluate((el) => el.getBoundingClientRect().toJSON())),
  );
  const top = Math.min(...boxes.map((b) => b.top));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  await page.evaluate(
    ({ top, bottom }) => {
      const bar = document.querySelector('aside.formula');
      const limit = bar ? bar.getBoundingClientRect().top : window.innerHeight;
      if (top >= 0 && bottom <= limit) return;
      window.scrollBy(0, top - 8);
    },
    { top, bottom },
  );
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    for (const id of PANEL_STEPS) {
      test(`§${id}: the editor and the weights share the screen`, async ({ page }) => {
        const errors = collectErrors(page);
        await page.goto(`/?backend=reference#/${id}`);
        const targets = watched(id).map((name) => picture(page, name));
        for (const t of targets) await expect(t).toBeVisible({ timeout: 20_000 });

        // The first screen already shows a heatmap (not only prose and code).
        const first = await seen(page.getByRole('img', { name: /^Heatmap of / }).first());
        expect(first.top + 100, 'a heatmap on the first screen').toBeLessThanOrEqual(first.barTop);

        await scrollToShow(page, targets);
        const input = page.getByLabel('journey dimension 1', { exact: true });
        await input.focus();
        const field = await seen(input);
        expect(field.focused).toBe(true);
        expectInView(field, 'journey dimension 1');
        for (const [i, t] of targets.entries()) expectInView(await seen(t), watched(id)[i]);
        await page.screenshot({
          path: `test-results/layout/${id}-${size.width}x${size.height}.png`,
        });
        expect(errors).toEqual([]);
      });
    }
  });
}

test.describe('375 px wide', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const id of PANEL_STEPS) {
    test(`§${id}: the inputs drawer, the weights in view, no sideways scrolling`, async ({
      page,
    }) => {
      await page.goto(`/?backend=reference#/${id}`);
      const weights = picture(page, watched(id).at(-1) ?? 'attention weights');
      await expect(weights).toBeVisible({ timeout: 20_000 });
      await page.screenshot({ path: `test-results/layout/${id}-375.png` });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'page width').toBeLessThanOrEqual(375);

      // The pinned drawer and the formula bar leave the weights' centre and the field visible.
      await weights.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      const input = page.getByLabel('journey dimension 1', { exact: true });
      await input.focus();
      const field = await seen(input);
      expect(field.focused).toBe(true);
      expect(field.hit, 'journey dimension 1 not covered').toBe(true);
      expect((await seen(weights)).hit, 'weights not covered at their centre').toBe(true);
      await page.screenshot({ path: `test-results/layout/${id}-375-editing.png` });

      // Folded, the drawer is one line and gives the pictures the screen.
      await page.getByRole('button', { name: 'Hide the inputs' }).click();
      await expect(page.getByRole('table', { name: 'embeddings' })).toBeHidden();
      await page.getByRole('button', { name: 'Show the inputs' }).click();
      await expect(page.getByRole('table', { name: 'embeddings' })).toBeVisible();
    });
  }
});
