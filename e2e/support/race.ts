import { expect, type Page } from '@playwright/test';
import { IMPL_IDS, IMPL_LABELS, type ImplId } from '../../src/race/implementations.ts';
import { T_CHOICES } from '../../src/race/sizes.ts';

function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function implBox(page: Page, id: ImplId) {
  return page
    .getByRole('group', { name: /^Implementations/ })
    .getByRole('checkbox', { name: new RegExp(`^${literal(IMPL_LABELS[id])}`) });
}

/** Chooses the race's sizes, width and runners as a person does (checks first: never empty). */
export async function chooseRace(
  page: Page,
  { sizes, d, impls = [...IMPL_IDS] }: { sizes: number[]; d: number; impls?: readonly ImplId[] },
): Promise<void> {
  const group = page.getByRole('group', { name: 'Sequence lengths T' });
  const box = (t: number) => group.getByRole('checkbox', { name: String(t), exact: true });
  for (const t of sizes) await box(t).check();
  for (const t of T_CHOICES.filter((t) => !sizes.includes(t))) await box(t).uncheck();
  await page.getByLabel('Model width').selectOption(String(d));
  for (const id of impls) await implBox(page, id).check();
  for (const id of IMPL_IDS.filter((id) => !impls.includes(id))) await implBox(page, id).uncheck();
}

/** Starts the race and waits for "Done" (the machine is shared: generous). */
export async function runRace(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start the race' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({
    timeout: 240_000,
  });
}
