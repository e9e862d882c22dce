import type { Page } from '@playwright/test';

/**
 * Holds the page's requests whose URL matches `pattern` until the returned `release` is called,
 * to look at the page as it is before that file has arrived.
 */
export async function holdRequests(page: Page, pattern: RegExp): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}
