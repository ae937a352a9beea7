/**
 * Issue 25: the variational autoencoder's own views, driven as a student would. Generate gives
 * new digits at each press; the map of the code space is a sheet of decoded digits that changes
 * as training goes on; chapter 2 names the units the KL term switched off; and the new panels
 * fit a phone and pass axe-core.
 */
import { seriousViolations } from './support/axe';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { meanSquaredError, readDigit } from './support/canvas';
import { openChapter } from './support/chapters';
import { smallestText, textOverlaps } from './support/textOverlap';

// The page's Content-Security-Policy forbids inline scripts, which is how axe-core is injected.
test.use({ bypassCSP: true });

const SMALL_VAE = './?model=vae&latentDim=2&trainSize=1000&epochs=2&batchSize=100';

const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });
const sheet = (page: Page) =>
  page.getByRole('img', { name: 'Digits decoded from a 20 by 20 grid of codes' });
const generated = (page: Page) =>
  page.getByRole('group', { name: 'Generated digits' }).getByRole('img');

/** Population variance of a picture's gray levels (0 for a blank or flat one). */
function variance(gray: number[]): number {
  const mean = gray.reduce((sum, v) => sum + v, 0) / gray.length;
  return gray.reduce((sum, v) => sum + (v - mean) ** 2, 0) / gray.length;
}

/** All ten generated digits' gray levels, one after another. */
async function readGenerated(page: Page): Promise<number[]> {
  const images = generated(page);
  await expect(images).toHaveCount(10);
  const all: number[] = [];
  for (const image of await images.all()) all.push(...(await readDigit(image)));
  return all;
}

async function fitsThePhone(page: Page, where: string) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth, `${where}: page width`).toBeLessThanOrEqual(innerWidth);
  expect(await textOverlaps(page), `${where}: text over text`).toEqual([]);
  const smallest = await smallestText(page);
  expect(smallest.size, `${where}: smallest text "${smallest.text}"`).toBeGreaterThanOrEqual(12);
}

/** Polls a canvas until it differs from `before` by more than a trace. */
async function changedFrom(canvas: Locator, before: number[]) {
  await expect
    .poll(async () => meanSquaredError(before, await readDigit(canvas)), { timeout: 120_000 })
    .toBeGreaterThan(1e-4);
}

test('a VAE with a 2-number code: Generate gives new digits, and the map of the code space organises itself', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto(SMALL_VAE);
  const train = button(page, 'Train');
  await expect(train).toBeEnabled({ timeout: 90_000 });

  // Chapter 3 before any training: the untrained decoder's sheet is already there.
  await openChapter(page, 'Play with the code');
  const map = page.getByRole('region', { name: 'The map of the code space' });
  await expect(map).toBeVisible({ timeout: 60_000 });
  await map.scrollIntoViewIfNeeded();
  await expect(sheet(page)).toBeVisible();
  await expect
    .poll(async () => variance(await readDigit(sheet(page))), { timeout: 60_000 })
    .toBeGreaterThan(0);
  const untrained = await readDigit(sheet(page));
  // The dots of the test codes lie on the same plane, beside the sheet.
  await expect(
    map.getByRole('img', { name: /test codes as dots coloured by digit, on the grid's plane/ }),
  ).toBeVisible();

  // Train: the run bar stays in reach. After the first epoch the sheet is drawn again.
  await train.click();
  await changedFrom(sheet(page), untrained);
  await expect(page.getByRole('status').filter({ hasText: /^done/ })).toBeVisible({
    timeout: 180_000,
  });
  await expect(map.getByText(/from the network after 20 training steps/)).toBeVisible();
  // Not blank: the decoded digits have strokes on a dark ground, not one flat gray.
  await expect
    .poll(async () => variance(await readDigit(sheet(page))), { timeout: 60_000 })
    .toBeGreaterThan(20);
  expect(meanSquaredError(untrained, await readDigit(sheet(page)))).toBeGreaterThan(1e-4);

  // Generate: ten digits, new ones at each press, none of them blank.
  const generate = page.getByRole('region', { name: 'Generate new digits' });
  await generate.scrollIntoViewIfNeeded();
  await button(page, 'Generate 10 digits').click();
  await expect(generate.getByText(/Press 1: decoded by the network after 20/)).toBeVisible();
  await expect.poll(async () => variance(await readGenerated(page))).toBeGreaterThan(20);
  const first = await readGenerated(page);
  await button(page, 'Generate 10 digits').click();
  await expect(generate.getByText(/Press 2:/)).toBeVisible();
  await expect
    .poll(async () => meanSquaredError(first, await readGenerated(page)))
    .toBeGreaterThan(1e-3);
  expect(variance(await readGenerated(page))).toBeGreaterThan(20);

  expect(await seriousViolations(page), 'chapter 3 of a VAE').toEqual([]);
  await openChapter(page, 'Inside the code');
  await expect(page.getByText(/No unit is switched off|switched off by the KL term/)).toBeVisible({
    timeout: 60_000,
  });
  expect(await seriousViolations(page), 'chapter 2 of a VAE').toEqual([]);

  // The same two chapters on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await fitsThePhone(page, '390px, Inside the code');
  await openChapter(page, 'Play with the code');
  await expect(sheet(page)).toBeAttached();
  await fitsThePhone(page, '390px, Play with the code');
});

test('a VAE with 16 numbers: the per-unit view names the units the KL term switched off', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('./?model=vae&latentDim=16&trainSize=5000&epochs=2&batchSize=100&beta=20');
  const train = button(page, 'Train');
  await expect(train).toBeEnabled({ timeout: 90_000 });
  await train.click();
  await expect(page.getByRole('status').filter({ hasText: /^done/ })).toBeVisible({
    timeout: 180_000,
  });
  await openChapter(page, 'Inside the code');
  const latent = page.getByRole('region', { name: /Inside the bottleneck/ });
  await expect(latent.getByText(/after 100 training steps/)).toBeVisible({ timeout: 60_000 });
  const note = latent.getByText(/units? (is|are) switched off by the KL term\./);
  await expect(note).toBeVisible();
  const text = (await note.textContent()) ?? '';
  const off = Number(/(\d+) of 16 units? (is|are) switched off/.exec(text)?.[1]);
  expect(off).toBeGreaterThan(0);
  // The ReLU words are not used for a VAE.
  await expect(latent.getByText(/are dead|is dead/)).toHaveCount(0);
  // The average code's chart names them too, in the same words.
  await expect(
    latent.getByRole('img', {
      name: /Average latent code of digit 0: 16 bars, units? .* switched off by the KL term/,
    }),
  ).toBeAttached();
  await expect(
    latent.getByRole('img', { name: /blue is [-−]?[\d.]+, white is 0, red is/ }),
  ).toBeVisible();
});

test('a plain autoencoder offers Generate too, as a contrast, and says when it is untrained', async ({
  page,
}) => {
  await page.goto('./?trainSize=1000');
  await expect(button(page, 'Train')).toBeEnabled({ timeout: 90_000 });
  await openChapter(page, 'Play with the code');
  const generate = page.getByRole('region', { name: 'Generate digits from random codes' });
  await expect(generate).toBeVisible({ timeout: 60_000 });
  await expect(generate.getByText(/A plain autoencoder as a contrast/)).toBeVisible();
  await button(page, 'Generate 10 digits').click();
  await expect(generate.getByText(/the decoder is untrained/)).toBeVisible();
  await expect(generated(page)).toHaveCount(10);
  // The map of the code space is a VAE's: a plain model keeps its map of all codes.
  await expect(page.getByRole('region', { name: 'The map of the code space' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Map of all codes' })).toBeVisible();
});
