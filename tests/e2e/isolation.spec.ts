/**
 * Issue 24, on a static host that sends no headers at all: the service worker adds the isolation
 * headers, so after at most one automatic reload the page is cross-origin isolated and trains on
 * every core, offline too. Where no service worker can register, the page does not reload, trains
 * on one thread and says why.
 */
import { cpus } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from './support/staticServer';

const DIST = process.env.E2E_DIST ?? 'dist';
const CORES = Math.min(8, cpus().length);
// Every core asked for (from three cores up, `auto` leaves one to the page).
const QUERY = `?epochs=1&trainSize=2000&backend=wasm&threads=${CORES}`;

const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /Epoch/ });

let server: StaticServer;
test.beforeAll(async () => {
  server = await startStaticServer(DIST, '/lab/');
});
test.afterAll(async () => {
  await server.close();
});

/** Counts the page's own loads (the first one and any reload). */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('load', () => loads++);
  return () => loads;
}

async function trainShortRun(page: Page): Promise<void> {
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  await trainButton(page).click();
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  await expect(page.getByText(/Rebuilt at step 16\b/)).toBeVisible();
}

test('the service worker isolates the page after one reload, online and offline', async ({
  page,
  context,
}) => {
  test.skip(CORES < 2, 'this machine has one core');
  const loads = countLoads(page);
  await page.goto(`${server.url}${QUERY}`);
  // The first load came straight from the host: no headers, so not isolated.
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  // Once the service worker has cached the app, the page loads itself again through it.
  await expect
    .poll(() => page.evaluate(() => window.crossOriginIsolated).catch(() => false), {
      timeout: 120_000,
    })
    .toBe(true);
  await expect(page).toHaveURL(`${server.url}${QUERY}`);
  await expect(
    page.getByText(`Computing with WebAssembly (processor), ${CORES} threads`),
  ).toBeVisible({ timeout: 60_000 });
  await trainShortRun(page);
  expect(loads()).toBe(2);

  // Offline, the service worker still serves everything, headers included.
  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(
    page.getByText(`Computing with WebAssembly (processor), ${CORES} threads`),
  ).toBeVisible({ timeout: 60_000 });
  await trainShortRun(page);
});

test('without a service worker there is no reload: one thread, and the page says why', async ({
  page,
}) => {
  // A browser that cannot register one (an old browser, some private windows).
  await page.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
  });
  const loads = countLoads(page);
  await page.goto(`${server.url}${QUERY}`);
  await expect(page.getByText(/Computing with WebAssembly \(processor\), 1 thread\b/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    page.getByText(
      '(one thread: this page is not cross-origin isolated, so its workers cannot share memory)',
    ),
  ).toBeVisible();
  await trainShortRun(page);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  expect(loads()).toBe(1);
});
