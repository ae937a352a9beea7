import { expect, test } from '@playwright/test';
import { openChapter } from './support/chapters';
import { idxTest, idxTrain, sha256Hex } from './support/mnist';

test('the dataset loads in the worker with real progress, then Train is enabled', async ({
  page,
}) => {
  // Hold back one sheet until the progress bar has been seen part-way, so the check never races.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/mnist/train-05.png', async (route) => {
    await held;
    await route.continue();
  });

  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Latent Lab' })).toBeVisible();
  const progress = page.getByRole('progressbar', { name: 'Loading dataset' });
  await expect(progress).toBeVisible();
  await expect
    .poll(
      async () =>
        Number(await progress.getAttribute('aria-valuenow')) ||
        Number(await progress.getAttribute('value')),
    )
    .toBeGreaterThan(0);
  await expect(page.getByText(/of \d+ files/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  // The download card floats over the page: when it goes, nothing the student looks at moves.
  const training = page.getByRole('region', { name: 'Training' });
  const topWhileLoading = (await training.boundingBox())?.y;
  expect(topWhileLoading).toBeDefined();
  release();

  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
  await expect(progress).toBeHidden();
  expect((await training.boundingBox())?.y).toBe(topWhileLoading);
  // The dataset's own panel is in the chapter on models and data.
  await openChapter(page, 'Models and data');
  const dataset = page.getByRole('region', { name: /^The data/ });
  await expect(dataset.getByText('60,000', { exact: false }).first()).toBeVisible();
  await expect(dataset.getByText('10,000', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /CC BY-SA 3\.0/ })).toBeVisible();
});

test('sample digits are drawn from the sprite sheets and match their labels', async ({ page }) => {
  const test10k = idxTest();
  await page.goto('./#models-and-data');
  const samples = page.getByRole('img', { name: /^Sample digit \d \(test image \d+\)$/ });
  await expect(samples.first()).toBeVisible({ timeout: 60_000 });
  const count = await samples.count();
  expect(count).toBeGreaterThanOrEqual(10);
  for (let i = 0; i < count; i++) {
    const canvas = samples.nth(i);
    const name = (await canvas.getAttribute('aria-label')) ?? '';
    const [, digit, index] = /Sample digit (\d) \(test image (\d+)\)/.exec(name) ?? [];
    expect(Number(digit)).toBe(test10k.labels[Number(index)]);
    const drawn = await canvas.evaluate((element) => {
      const c = element as HTMLCanvasElement;
      const rgba = c.getContext('2d')?.getImageData(0, 0, 28, 28).data ?? new Uint8ClampedArray();
      return Array.from(rgba.filter((_, k) => k % 4 === 0));
    });
    const source = Array.from(
      test10k.pixels.subarray(Number(index) * 784, (Number(index) + 1) * 784),
    );
    expect(drawn).toEqual(source);
  }
});

for (const decoder of ['gray-PNG', 'browser'] as const) {
  test(`every one of the 70,000 images from the ${decoder} decoder equals the IDX bytes`, async ({
    page,
  }) => {
    if (decoder === 'browser') {
      // Where DecompressionStream is missing, the worker falls back to createImageBitmap. The
      // route cannot reach the decoding helpers (workers started by a worker), so the data
      // worker is also denied them and decodes every sheet itself, with the browser's decoder.
      await page.route('**/assets/data.worker*.js', async (route) => {
        const response = await route.fetch();
        const body = `self.DecompressionStream = undefined;\nself.Worker = undefined;\n${await response.text()}`;
        await route.fulfill({ response, body });
      });
    }
    await page.goto('./');
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
      timeout: 60_000,
    });
    await openChapter(page, 'Models and data');
    // The worker hashes the decoded pixels of every sheet and refuses a mismatch with the
    // manifest; the page shows the digests, which must be those of the IDX files' images.
    await page.getByText('Data check').click();
    const idx = { training: idxTrain().pixels, test: idxTest().pixels };
    const covered = { training: 0, test: 0 };
    const digests = page.getByLabel(/^SHA-256 of (training|test) images/);
    await expect(digests).toHaveCount(7);
    for (const digest of await digests.all()) {
      const label = (await digest.getAttribute('aria-label')) ?? '';
      const [, split, first, last] =
        /of (training|test) images ([\d,]+)–([\d,]+)$/.exec(label) ?? [];
      expect(split, label).toBeDefined();
      const name = split as keyof typeof idx;
      const [from, to] = [first, last].map((n) => Number(n.replaceAll(',', '')));
      expect(from, `${label} follows the previous sheet`).toBe(covered[name] + 1);
      covered[name] = to;
      const images = idx[name].subarray((from - 1) * 784, to * 784);
      expect((await digest.textContent())?.trim(), label).toBe(sha256Hex(images));
    }
    expect(covered).toEqual({ training: 60_000, test: 10_000 });
  });
}
