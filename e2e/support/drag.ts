import type { Page } from '@playwright/test';

/**
 * Drags a token's point in the embedding scatter by (dx, dy) pixels with the mouse, as a person
 * would. Hovering first fails the test if anything (e.g. the formula bar) covers the point.
 */
export async function dragPoint(page: Page, token: string, dx: number, dy: number): Promise<void> {
  const point = page.getByRole('button', { name: new RegExp(`^Move ${token}:`) });
  await point.scrollIntoViewIfNeeded();
  await point.hover();
  const box = await point.boundingBox();
  if (!box) throw new Error(`the point of ${token} has no box`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}
