/**
 * Issue 24: training on every core. The preview server sends the isolation headers, so the page
 * may share memory between its workers and, left to itself (`auto`), trains on both cores of a
 * two-core machine and on all but one from three up; ?threads=1 forces one; a bad value is
 * refused with a message.
 */
import { cpus } from 'node:os';
import { expect, test, type Page } from '@playwright/test';

const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /Epoch/ });
const CORES = Math.min(8, cpus().length);
/** What `auto` should choose here: every core on two, all but one from three up (up to 8). */
const AUTO_THREADS = CORES <= 2 ? CORES : CORES - 1;

/** Trains 16 steps and returns the validation loss the status line reports. */
async function trainShortRun(page: Page): Promise<string> {
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  await trainButton(page).click();
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  // ceil(2000 / 128) = 16 steps, the last of 80 images: every slice of it had rows to do.
  await expect(page.getByText(/Rebuilt at step 16\b/)).toBeVisible();
  const text = (await status(page).textContent()) ?? '';
  return /Validation loss \(epoch 1\) (\d\.\d+)/.exec(text)?.[1] ?? 'none';
}

test('the preview server isolates the page; auto trains on the cores, to the same loss as one', async ({
  page,
}) => {
  test.skip(CORES < 2, 'this machine has one core');
  await page.goto('./?epochs=1&trainSize=2000&backend=wasm');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(
    page.getByText(`Computing with WebAssembly (processor), ${AUTO_THREADS} threads`),
  ).toBeVisible({ timeout: 60_000 });
  const threaded = await trainShortRun(page);

  await page.goto('./?epochs=1&trainSize=2000&backend=wasm&threads=1');
  await expect(page.getByText(/Computing with WebAssembly \(processor\), 1 thread\b/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText('(one thread: threads=1 was chosen)')).toBeVisible();
  // Same seed, same batches, same maths: the threads only share the work. The four decimals
  // shown agree (float sums in another order differ far below them).
  expect(await trainShortRun(page)).toBe(threaded);
});

test('a bad threads value is refused with a message, and every core is used', async ({ page }) => {
  await page.goto('./?epochs=1&trainSize=2000&threads=lots');
  await expect(
    page.getByText(/threads=lots is not allowed: threads must be one of auto, 1, 2/),
  ).toBeVisible({ timeout: 60_000 });
});
