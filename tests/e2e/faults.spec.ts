import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test, type Page, type Route } from '@playwright/test';
import { PNG } from 'pngjs';

const dataDir = 'public/data/mnist';
const realFile = (name: string) => readFileSync(`${dataDir}/${name}`);

async function expectFault(page: Page, pattern: RegExp) {
  const alert = page.getByRole('alert').filter({ hasText: pattern });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  return alert;
}

async function retryRecovers(page: Page) {
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
  await expect(page.getByRole('alert')).toHaveCount(0);
}

const serve =
  (body: Buffer | string, status = 200) =>
  (route: Route) =>
    route.fulfill({ status, body, contentType: 'application/octet-stream' });

test('a missing sheet (404) is named, and Retry recovers once it is back', async ({ page }) => {
  await page.route('**/data/mnist/test-00.png', serve('', 404));
  await page.goto('./');
  await expectFault(page, /test-00\.png/);
  await expect(page.getByRole('alert')).toContainText(/missing|not found/i);
  await page.unrouteAll();
  await retryRecovers(page);
});

test('a truncated sheet is named and refused', async ({ page }) => {
  const whole = realFile('train-02.png');
  await page.route('**/data/mnist/train-02.png', serve(whole.subarray(0, whole.length >> 1)));
  await page.goto('./');
  await expectFault(page, /train-02\.png/);
  await expect(page.getByRole('alert')).toContainText(/truncated|incomplete|cut short|short/i);
  await page.unrouteAll();
  await retryRecovers(page);
});

test('a sheet that fails its checksum is named and refused', async ({ page }) => {
  const damaged = Buffer.from(realFile('train-04.png'));
  damaged[damaged.length >> 1] ^= 0xff;
  await page.route('**/data/mnist/train-04.png', serve(damaged));
  await page.goto('./');
  await expectFault(page, /train-04\.png/);
  await expect(page.getByRole('alert')).toContainText(/checksum/i);
  await page.unrouteAll();
  await retryRecovers(page);
});

test('a sheet that decodes to the wrong size is named and refused', async ({ page }) => {
  // A valid PNG of the wrong size, with a manifest that vouches for its bytes.
  const small = PNG.sync.write(Object.assign(new PNG({ width: 28, height: 28 }), {}), {
    colorType: 0,
  });
  const manifest = JSON.parse(realFile('manifest.json').toString()) as {
    splits: { test: { sheets: { file: string; bytes: number; sha256: string }[] } };
  };
  const entry = manifest.splits.test.sheets[0];
  entry.bytes = small.length;
  entry.sha256 = createHash('sha256').update(small).digest('hex');
  await page.route('**/data/mnist/manifest.json', serve(JSON.stringify(manifest)));
  await page.route(`**/data/mnist/${entry.file}`, serve(small));
  await page.goto('./');
  await expectFault(page, new RegExp(entry.file.replace('.', '\\.')));
  await expect(page.getByRole('alert')).toContainText(/size|pixels/i);
  await page.unrouteAll();
  await retryRecovers(page);
});

test('a missing manifest is named, and Retry recovers', async ({ page }) => {
  await page.route('**/data/mnist/manifest.json', serve('', 404));
  await page.goto('./');
  await expectFault(page, /manifest\.json/);
  await page.unrouteAll();
  await retryRecovers(page);
});

test('a malformed manifest is named, and Retry recovers', async ({ page }) => {
  await page.route('**/data/mnist/manifest.json', serve('{"format": 1, "splits": '));
  await page.goto('./');
  await expectFault(page, /manifest\.json/);
  await page.unrouteAll();
  await retryRecovers(page);
});

test('a browser without module workers gets a plain explanation, not a blank page', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // An old browser: its Worker ignores the options object, so `type: 'module'` is never read.
    const Original = window.Worker;
    window.Worker = function (url: string | URL) {
      return new Original(url);
    } as unknown as typeof Worker;
  });
  await page.goto('./');
  await expectFault(page, /module Web Workers/);
  await expect(page.getByRole('heading', { level: 1, name: 'Latent Lab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

test('app code that fails to load leaves the first screen up with a way out', async ({ page }) => {
  // The page's small entry script loads, the rest of the app's code does not (a dropped
  // connection, or a redeploy that removed the old files mid-visit).
  await page.route('**/assets/boot-*.js', (route) => route.abort('connectionfailed'));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/could not load the rest of its code/i);
  await expect(alert).toContainText(/reload the page/i);
  await expect(page.getByRole('heading', { level: 1, name: 'Latent Lab' })).toBeVisible();
});

test('a worker that can decode PNGs neither way gets a plain explanation', async ({ page }) => {
  // Without DecompressionStream the fast gray-PNG decoder steps aside for the browser's own,
  // which needs OffscreenCanvas: an old browser has neither, nor workers inside workers, so the
  // data worker decodes the sheets itself instead of in its helpers.
  await page.route('**/assets/data.worker*.js', async (route) => {
    const response = await route.fetch();
    const body = `self.DecompressionStream = undefined;\nself.OffscreenCanvas = undefined;\nself.Worker = undefined;\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
  await page.goto('./');
  await expectFault(page, /OffscreenCanvas/);
});
