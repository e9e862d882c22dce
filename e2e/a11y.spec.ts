import { expect, type Page, test } from '@playwright/test';
import { stepDef } from '../src/chapter/steps/index.ts';
import { defaultView, STEP_IDS, type StepId } from '../src/chapter/view.ts';
import { violations } from './support/axe.ts';
import { chooseRace, runRace } from './support/race.ts';

/**
 * Accessibility: axe (WCAG 2.0/2.1 A and AA, best practice) finds nothing on any step, in light
 * and dark themes and at phone width, with the tables shown and a cell locked; and the
 * keyboard rules a person notices: where focus goes, and that it is always visible.
 */

test.beforeEach(() => test.setTimeout(90_000));

/**
 * The step with its tables shown and a cell of its featured panel (the one its formula explains)
 * locked, so axe sees the formula bar's locked state (its Unlock button) on every panel step.
 */
async function openLocked(page: Page, step: StepId) {
  await page.goto(`/?backend=reference#/${step}`);
  await page.getByLabel('Show the numbers as tables').check();
  const def = stepDef(step);
  const view = defaultView(step);
  const { panel, row, col } = def.featured(view);
  // On a one-query step (3.3.1, 3.4.1) the featured cell is the query's own key, and selecting
  // it picks that query rather than locking; the next key's cell locks.
  const key = def.controls.includes('query') ? (col + 1) % view.tokens.length : col;
  // By keyboard: a heatmap half under the formula bar scrolls when pressed with the pointer,
  // and the click's release then lands elsewhere; keys reach the cell wherever it sits.
  const heatmap = page.locator(`figure[data-panel-id="${panel}"] svg.heatmap`);
  await heatmap.focus();
  const t = view.tokens.length;
  const moves = { ArrowUp: t, ArrowLeft: t, ArrowDown: row, ArrowRight: key };
  for (const [arrow, times] of Object.entries(moves))
    for (let i = 0; i < times; i++) await heatmap.press(arrow);
  await heatmap.press('Enter');
  // Focus leaves the heatmap: its keyboard hover would hide the lock's Unlock.
  await page.getByLabel('Show the numbers as tables').focus();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
}

/** A step with a page of its own (GPT-2 text, training, 4.x), once it has drawn its results. */
async function openOwnPage(page: Page, step: StepId) {
  await page.goto(`/?backend=reference#/${step}`);
  // The race draws its chart and table once it has run: a small, quick one.
  if (step === 'race') {
    await chooseRace(page, { sizes: [16], d: 64, impls: ['wrapper', 'reference', 'kernel-fma-1'] });
    await runRace(page);
  }
  await expect(
    page.locator('.watch-column').locator('table, canvas').filter({ visible: true }).first(),
  ).toBeVisible({ timeout: 120_000 });
}

const MODES = [
  { name: 'light', use: { colorScheme: 'light' as const } },
  { name: 'dark', use: { colorScheme: 'dark' as const } },
  { name: '375 px', use: { viewport: { width: 375, height: 740 } } },
];

for (const mode of MODES) {
  test.describe(`axe, ${mode.name}`, () => {
    test.use(mode.use);
    for (const step of STEP_IDS) {
      test(`${step}: no violations`, async ({ page }) => {
        test.setTimeout(180_000); // axe takes its time on a loaded machine
        if ((stepDef(step).body ?? 'panels') === 'panels') await openLocked(page, step);
        else await openOwnPage(page, step);
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}

test('focus stays on the history buttons when Undo or Redo disables', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  const cell = page.getByLabel('journey dimension 1', { exact: true });
  await cell.fill('0.5');
  await cell.press('Tab');
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(undo).toBeDisabled();
  await expect(redo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(redo).toBeDisabled();
  await expect(undo).toBeFocused();
  await expect(cell).toHaveValue('0.5');
});

test('Unlock, once pressed, hands focus back to the heatmap of the locked cell', async ({
  page,
}) => {
  await page.goto('/?backend=reference#/3.3.2');
  const picture = page.getByRole('img', { name: /^Heatmap of attention weights:/ });
  await picture.focus();
  await page.keyboard.press('Enter');
  // Leaving the picture ends its hover (focus is hover); the lock stays.
  await picture.evaluate((el) => (el as SVGElement).blur());
  const unlock = page.getByRole('button', { name: 'Unlock' });
  await unlock.focus();
  await page.keyboard.press('Enter');
  await expect(unlock).toHaveCount(0);
  await expect(picture).toBeFocused();
});

test('a step change is announced and focus moves to the new heading', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.1');
  const next = page.getByRole('button', { name: /3\.3\.2 .*→/ });
  await next.focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toContainText('Computing attention weights for all input tokens');
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page.getByRole('status').filter({ hasText: 'Step 3.3.2' })).toHaveText(
    `Step 3.3.2, 2 of ${STEP_IDS.length}: Computing attention weights for all input tokens`,
  );
});

test('skip links reach the heatmaps and the editor', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  await page.keyboard.press('Tab');
  const toHeatmaps = page.getByRole('button', { name: 'Skip to the heatmaps' });
  await expect(toHeatmaps).toBeFocused();
  await expect(toHeatmaps).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Heatmap of attention scores:/ })).toBeFocused();
  await page.keyboard.press('Shift+Tab'); // back towards the page's start
  await page.getByRole('button', { name: 'Skip to the editor' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('token 1 name')).toBeFocused();
});

test('Escape closes the backend menu and returns focus to it', async ({ page }) => {
  await page.goto('/?backend=reference#/3.3.2');
  const summary = page.locator('details.backend > summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const select = page.getByLabel('Backend', { exact: true });
  await expect(select).toBeVisible();
  await select.focus();
  await page.keyboard.press('Escape');
  await expect(select).toBeHidden();
  await expect(summary).toBeFocused();
});

/** The focused element's centre is on screen and the topmost thing there (nothing covers it). */
async function focusedIsVisible(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const x = Math.min(box.left + box.width / 2, window.innerWidth - 1);
    const y = box.top + Math.min(box.height / 2, 10);
    const name = `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30)}`;
    if (y < 0 || y >= window.innerHeight || x < 0) return `${name}: off screen at y ${y}`;
    const top = document.elementFromPoint(x, y);
    // Within one SVG widget (the scatter's points) neighbours may overlap; bars must not.
    const svg = el.closest('svg');
    const ok = top && (top === el || el.contains(top) || top.contains(el) || svg?.contains(top));
    return ok ? null : `${name}: covered by ${top?.tagName}.${top?.className}`;
  });
}

for (const step of ['3.3.2', '3.5.3'] as const) {
  test(`${step}: every element Tab reaches is visible, not covered`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/?backend=reference#/${step}`);
    await expect(page.locator('.groups table').first()).toBeAttached({ timeout: 60_000 });
    const problems: string[] = [];
    let reached = 0;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const problem = await focusedIsVisible(page);
      if (problem) problems.push(problem);
      reached++;
    }
    expect(reached).toBe(80);
    expect(problems).toEqual([]);
  });
}
