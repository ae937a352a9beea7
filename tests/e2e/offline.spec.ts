/**
 * Issue 9, point 2: after one visit the app and the digits are cached by the service worker, so
 * with the network cut the page reloads, loads the data and trains; a new deploy replaces the
 * cache; and the storage is checked before anything is cached.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openChapter } from './support/chapters';

const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /Epoch/ });
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** The offline note is in chapter 4, beside the saved models. */
async function firstVisit(page: Page, query = '') {
  await page.goto(`./${query}#models-and-data`);
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByText(/Ready for offline use/)).toBeVisible({ timeout: 60_000 });
}

test('after one visit, the page reloads, loads the digits and trains with the network cut', async ({
  page,
  context,
}) => {
  await firstVisit(page, '?trainSize=1000&epochs=1');
  expect(await cacheNames(page)).toEqual([expect.stringMatching(/^latent-lab-[0-9a-f]{16}$/)]);

  await context.setOffline(true);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.reload();
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await trainButton(page).click();
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  await openChapter(page, 'Train and watch');
  await expect(page.getByText(/Rebuilt at step 8\b/)).toBeVisible();
  expect(failed).toEqual([]);
});

test('a new deploy gets a new cache, and the old one is deleted', async ({ page }) => {
  await firstVisit(page);
  const [first] = await cacheNames(page);
  // A real redeploy of the folder the server serves: the same files under a new version, as a
  // changed file would give (same length, so the static server's size headers stay right).
  const swPath = `${process.env.E2E_DIST ?? 'dist'}/sw.js`;
  const original = readFileSync(swPath, 'utf8');
  const next = 'latent-lab-ffffffffffffffff';
  try {
    writeFileSync(
      swPath,
      original.replace(/"version":"[0-9a-f]{16}"/, '"version":"ffffffffffffffff"'),
    );
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await expect.poll(() => cacheNames(page), { timeout: 60_000 }).toEqual([next]);
    expect(first).not.toBe(next);
  } finally {
    writeFileSync(swPath, original);
  }
});

test('too little storage: nothing is cached, and the page says why', async ({ page }) => {
  await page.addInitScript(() => {
    // A nearly full disk: 1 MB free.
    Object.defineProperty(navigator.storage, 'estimate', {
      value: async () => ({ quota: 5_000_000, usage: 4_000_000 }),
    });
  });
  await page.goto('./#models-and-data');
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  await expect(
    page.getByText(
      /Offline use is off: it needs about \d+ MB of storage and this browser offers 1 MB/,
    ),
  ).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toHaveLength(0);
  expect(await cacheNames(page)).toEqual([]);
});
