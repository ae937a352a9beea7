/**
 * Issue 10, point 1: the built folder works from any folder of a plain static host. The build
 * in E2E_DIST (relative base, the default) is served under /school/latent-lab/ by a bare file
 * server, and a student's whole first lesson runs there: data, training, pictures, codes, the
 * service worker, without one request outside that folder or one error.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openChapter } from './support/chapters';
import { listFiles } from './support/files';
import { startStaticServer, type StaticServer } from './support/staticServer';

const DIST = process.env.E2E_DIST ?? 'dist';
const PREFIX = '/school/latent-lab/';

const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /Epoch/ });

let server: StaticServer;
test.beforeAll(async () => {
  server = await startStaticServer(DIST, PREFIX);
});
test.afterAll(async () => {
  await server.close();
});

// The top-level names of the build: a URL to one of these starting with '/' means the site root,
// which under a sub-path is someone else's folder.
const BUILT_ROOTS =
  '(?:assets|data|pretrained|icons)/|sw\\.js|manifest\\.webmanifest|favicon|index';
const ROOT_URL = new RegExp(`(?:["'\`(]|url\\()/(?:${BUILT_ROOTS})`, 'g');

test('the build names its files relative to itself, never from the site root', () => {
  const text = listFiles(DIST).filter((f) =>
    ['.html', '.js', '.css', '.webmanifest', '.json'].includes(extname(f)),
  );
  expect(text.length).toBeGreaterThan(5);
  const found = text.flatMap((file) =>
    [...readFileSync(join(DIST, file), 'utf8').matchAll(ROOT_URL)].map((m) => `${file}: ${m[0]}`),
  );
  expect(found).toEqual([]);
});

test('under a sub-path of a plain static host, a short lesson runs start to finish', async ({
  page,
  context,
}) => {
  const outside: string[] = [];
  const failed: string[] = [];
  const consoleErrors: string[] = [];
  // The context sees the page's, the worker's and the service worker's requests.
  context.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob):/.test(url)) return;
    if (!url.startsWith(server.url)) outside.push(url);
  });
  context.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} (HTTP ${r.status()})`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await page.goto(`${server.url}?epochs=1&trainSize=2000`);
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByText(/Rebuilt at step 0\b/)).toBeVisible();

  await trainButton(page).click();
  await expect(status(page)).toContainText('Epoch 1 of 1');
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  // ceil(2000 / 128) = 16 steps: the pictures and the codes are from the trained network.
  await expect(page.getByText(/Rebuilt at step 16\b/)).toBeVisible();
  await expect(page.getByRole('img', { name: 'Reconstruction of digit 3' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Loss chart/ })).toHaveAttribute(
    'aria-label',
    /16 training steps/,
  );
  await openChapter(page, 'Inside the code');
  const latent = page.getByRole('region', { name: /Inside the bottleneck/ });
  await expect(latent.getByText(/after 16 training steps/)).toBeVisible();
  await expect(latent.getByRole('img', { name: /^Latent code of test image #\d+/ })).toHaveCount(3);

  // The service worker lives in the sub-folder too, and cached the app from there.
  await openChapter(page, 'Models and data');
  await expect(page.getByText(/Ready for offline use/)).toBeVisible({ timeout: 60_000 });
  const scope = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.scope ?? null;
  });
  expect(scope).toBe(server.url);
  // What an installed copy needs to start with no network (install.spec.ts checks the rest).
  const missing = await page.evaluate(async (base) => {
    const names = [
      'index.html',
      'manifest.webmanifest',
      'icons/icon-192.png',
      'icons/icon-512.png',
    ];
    const hits = await Promise.all(names.map((n) => caches.match(new URL(n, base).href)));
    return names.filter((_, i) => !hits[i]);
  }, server.url);
  expect(missing).toEqual([]);

  expect(outside).toEqual([]);
  expect(server.requested.filter((path) => !path.startsWith(PREFIX))).toEqual([]);
  expect(failed).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
