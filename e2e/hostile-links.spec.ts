import { expect, type Page, test } from '@playwright/test';
import { defaultView } from '../src/chapter/view.ts';
import { encodeView, messages } from '../src/permalink/index.ts';
import { CURRENT_VERSION, OLDEST_VERSION } from '../src/permalink/migrations.ts';
import { packText } from '../src/permalink/pack.ts';
import { collectErrors } from './support/tables.ts';
import { stepUrl } from './support/url.ts';

/**
 * Links built to break the page: each opens the nearest valid view with its own message, the
 * page keeps working, and nothing in a link ever runs as code. Links are packed with the codec's
 * own packer (zlib + base64url), so they reach the real decoder's checks, not just its first.
 */

const XSS = '<img src=x onerror=alert(1)>';
const BOOK = defaultView('3.3.2').embeddings;
const link = (payload: unknown, step = '3.3.2') =>
  `#/${step}?s=${packText(typeof payload === 'string' ? payload : JSON.stringify(payload))}`;
const good = encodeView({
  ...defaultView('3.3.2'),
  seed: 42,
  tokens: ['a', 'b', 'c', 'd', 'e', 'f'],
});

const HOSTILE: { name: string; hash: string; step: string; says: string }[] = [
  { name: 'truncated', hash: good.slice(0, -6), step: '3.3.2', says: messages.damaged('3.3.2') },
  {
    name: 'from a newer version (v: 99)',
    hash: link({ v: 99, seed: 1 }),
    step: '3.3.2',
    says: messages.newerVersion(99, OLDEST_VERSION, CURRENT_VERSION, '3.3.2'),
  },
  {
    name: 'garbage',
    hash: '#/3.3.2?s=%3Cgarbage%3E!!',
    step: '3.3.2',
    says: messages.damaged('3.3.2'),
  },
  {
    name: 'a million dimensions',
    // Six rows of 10⁶ zeros: 12 MB of JSON, under the 16 MB a link may unpack to.
    hash: link(`{"v":1,"embeddings":[${BOOK.map(() => `[${'0,'.repeat(999_999)}0]`)}]}`),
    step: '3.3.2',
    says: messages.tooManyDims(1_000_000, 16),
  },
  {
    name: 'NaN',
    hash: link({ v: 1, embeddings: BOOK.map((r, i) => (i === 0 ? ['NaN', r[1], r[2]] : r)) }),
    step: '3.3.2',
    says: messages.notFinite(1, 1, 1, 'NaN'),
  },
  {
    name: '1e308',
    hash: link(`{"v":1,"embeddings":[[1e308,0.15,0.89],${BOOK.slice(1).map((r) => `[${r}]`)}]}`),
    step: '3.3.2',
    says: messages.tooBig(1, 1, 1, 1e308),
  },
  {
    name: 'markup as the step',
    hash: `#/${XSS}`,
    step: '3.3.1',
    says: messages.unknownStep(XSS, '3.3.1'),
  },
  {
    name: 'markup in a token name, with spaces around it',
    hash: link({ v: 1, tokens: [` ${XSS} `, 'b', 'c', 'd', 'e', 'f'] }),
    step: '3.3.2',
    says: messages.tokenNames('spaces', [1]),
  },
];

/** Fails on any dialog (alert, confirm, prompt): a script from a link ran. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** The page draws its heatmaps and table, and no element a link described exists. */
async function expectWorkingAndInert(page: Page, step: string): Promise<void> {
  const table = step === '3.3.1' ? 'attention weights (naive softmax)' : 'attention weights';
  await expect(page.getByRole('table', { name: table, exact: true })).toBeAttached();
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.locator('img[src="x"], img[onerror]')).toHaveCount(0);
}

for (const { name, hash, step, says } of HOSTILE) {
  test(`a hostile link (${name}) opens ${step} with its message and runs nothing`, async ({
    page,
  }) => {
    const dialogs = watchDialogs(page);
    const errors = collectErrors(page);
    await page.goto(`/?backend=reference${hash}`);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be opened exactly' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('listitem').filter({ hasText: says })).toHaveCount(1);
    await expectWorkingAndInert(page, step);
    await page.screenshot({ path: `test-results/hostile-links/${name.replace(/\W+/g, '-')}.png` });
    // The address bar now holds the repaired view, so a reload or Share gives no message.
    await expect(page).toHaveURL(stepUrl(step));
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('a token named like markup is shown as text everywhere', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(`/?backend=reference${link({ v: 1, tokens: [XSS, 'b', 'c', 'd', 'e', 'f'] })}`);
  // A valid name: no message, just the name, as text.
  await expect(page.getByLabel('token 1 name')).toHaveValue(XSS);
  const weights = page.getByRole('table', { name: 'attention weights', exact: true });
  await expect(weights.locator('tbody th').first()).toHaveText(XSS);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Hovering puts the name into the formula bar and highlights; still text.
  await page.locator('figure[data-panel="attention weights"] [data-row="0"][data-col="0"]').hover();
  await expect(page.getByRole('complementary', { name: 'formula' })).toContainText(XSS);
  await expectWorkingAndInert(page, '3.3.2');
  expect(dialogs).toEqual([]);
});

test('a hand-edited hash with problems shows its message', async ({ page }) => {
  await page.goto('/?backend=reference#/3.5.1');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('causal attention mask');
  await page.evaluate(() => {
    window.location.hash = '#/3.3.2?s=damaged';
  });
  const alert = page.getByRole('alert').filter({ hasText: 'could not be opened exactly' });
  await expect(alert).toContainText(messages.damaged('3.3.2'));
  await expect(page.getByRole('heading', { level: 2 })).toContainText('for all input tokens');
  await expect(page).toHaveURL(stepUrl('3.3.2'));
  // A good hash afterwards clears the stale message.
  await page.evaluate(() => {
    window.location.hash = '#/3.4.1';
  });
  await expect(page.getByRole('heading', { level: 2 })).toContainText('step by step');
  await expect(alert).toHaveCount(0);
});

test('a damaged saved session opens the nearest view and says so', async ({ page }) => {
  await page.addInitScript(() => {
    // Only on the first load, so the test can look at what the page saves afterwards.
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('attention-lab:session', '#/3.6.2?s=%%%<script>alert(1)</script>');
    }
  });
  const dialogs = watchDialogs(page);
  await page.goto('/?backend=reference');
  const alert = page.getByRole('alert').filter({ hasText: 'last session could not be restored' });
  await expect(alert).toContainText(messages.damaged('3.6.2'));
  await expect(page.getByRole('heading', { level: 2 })).toContainText('weight splits');
  // No script came from the session: the page's inline scripts are the build's own (one drops the
  // prerendered landing view before the first paint, see scripts/prerender-landing.ts; one starts
  // the GPT-2 step's worker on its links, see scripts/early-gpt2.ts).
  await expect(
    page.locator('script:not([src]):not([type]):not(#prerendered-keep):not(#early-gpt2)'),
  ).toHaveCount(0);
  await expect(page.locator('script', { hasText: 'alert' })).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
