import { expect, test, type Page } from '@playwright/test';
import { meanSquaredError, readDigit } from './support/canvas';
import { openChapter, openSettings } from './support/chapters';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /Epoch/ });
const chart = (page: Page) => page.getByRole('img', { name: /^Loss chart/ });
const runsTable = (page: Page) => page.getByRole('table', { name: /Finished runs/ });

async function stepCount(page: Page): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  const match = /Step ([\d,]+)/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : NaN;
}

async function openReady(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
}

/** How far digit 0's rebuild is from its original (mean squared pixel difference). */
async function rebuildError(page: Page): Promise<number> {
  const original = await readDigit(page.getByRole('img', { name: 'Original digit 0' }));
  const rebuilt = await readDigit(page.getByRole('img', { name: 'Reconstruction of digit 0' }));
  return meanSquaredError(original, rebuilt);
}

test('Load pretrained shows its val loss, its history and the latent views, untrained by us', async ({
  page,
}) => {
  await openReady(page);
  await page.getByRole('button', { name: 'Load pretrained' }).click();
  const note = page.getByText(/Validation loss measured in this browser: (0\.\d{4})/);
  await expect(note).toBeVisible({ timeout: 60_000 });
  const measured = Number(/(0\.\d{4})/.exec((await note.textContent()) ?? '')?.[1]);
  expect(measured).toBeLessThanOrEqual(0.095);
  expect(measured).toBeGreaterThan(0.05);

  // Its 10-epoch history is on the chart, and the status shows its last epoch.
  await expect(chart(page)).toHaveAttribute('aria-label', /4,690 training steps/);
  await expect(chart(page)).toHaveAttribute('aria-label', /validation loss after epoch 10/);
  await expect(status(page)).toContainText('Epoch 10 of 10');
  await expect(runsTable(page)).toContainText('pretrained');
  await expect(page.getByText(/Rebuilt at step 4,690/)).toBeVisible();
  // Train now keeps these weights (said on screen), from scratch is one click away.
  await expect(page.getByRole('radio', { name: /current weights.*pretrained/ })).toBeChecked();
  // The latent views come from the loaded weights, without any training here.
  await openChapter(page, 'Inside the code');
  await expect(page.getByText(/Codes from the network after 4,690 training steps/)).toBeVisible();
});

test('the timeline scrubber replays the rebuilds from noise to sharp', async ({ page }) => {
  await openReady(page);
  await page.getByRole('button', { name: 'Load pretrained' }).click();
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await expect(timeline).toHaveAttribute('max', '16'); // 17 pictures: 7 early steps + 10 epochs
  await expect(page.getByText(/Rebuilt at step 4,690/)).toBeVisible();
  const sharp = await rebuildError(page);

  await timeline.fill('0');
  await expect(page.getByText(/Rebuilt at step 0, before any training/)).toBeVisible();
  const fog = await rebuildError(page);
  expect(fog).toBeGreaterThan(sharp * 3);

  await timeline.fill('3');
  await expect(page.getByText(/Rebuilt at step 50\b/)).toBeVisible();
  const early = await rebuildError(page);
  expect(early).toBeLessThan(fog);
  expect(early).toBeGreaterThan(sharp);
});

test('two short runs with different latent sizes both stay on the chart, labelled', async ({
  page,
}) => {
  await openReady(page, '?epochs=1&trainSize=500');
  await openSettings(page);
  const latent = page.getByRole('textbox', { name: 'Latent size' });

  await latent.fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // Train closes the drawer, which would cover the rebuilds and the finished runs' buttons.
  await expect(latent).toBeHidden();
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  await expect(chart(page)).toHaveAttribute('aria-label', /this run: latent 2\b/);

  await openSettings(page);
  await latent.fill('8');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  await expect(chart(page)).toHaveAttribute('aria-label', /this run: latent 8\b/);
  await expect(chart(page)).toHaveAttribute(
    'aria-label',
    /Earlier runs \(faint lines\): latent 2\b/,
  );

  const rows = runsTable(page).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('latent 2');
  await expect(rows.nth(1)).toContainText('latent 8');
  await expect(rows.nth(0)).toContainText(/0\.\d{4}/);

  await page.getByRole('button', { name: 'Clear earlier runs' }).click();
  await expect(rows).toHaveCount(1);
  await expect(chart(page)).not.toHaveAttribute('aria-label', /Earlier runs/);
});

test('a batch larger than the training set is refused, with its reason', async ({ page }) => {
  await openReady(page);
  await openSettings(page);
  await page.getByRole('textbox', { name: 'Training images' }).fill('1000');
  await page.getByRole('textbox', { name: 'Batch size' }).fill('5000');
  await expect(
    page.getByText('A batch of 5,000 images is more than the 1,000 training images'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await expect(page.getByRole('alert').filter({ hasText: /Batch size/ })).toBeVisible();

  await page.getByRole('textbox', { name: 'Batch size' }).fill('70000');
  await expect(page.getByText(/Batch size must be a whole number from 1 to 60,000/)).toBeVisible();

  await page.getByRole('textbox', { name: 'Batch size' }).fill('100');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('slow motion at 2 steps per second advances the step count at about that pace', async ({
  page,
}) => {
  await openReady(page, '?epochs=1&trainSize=20000');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '2 steps per second' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(2);
  const from = await stepCount(page);
  const started = Date.now();
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(from + 6);
  const seconds = (Date.now() - started) / 1000;
  // 6 steps at 2 per second is 3 s; full speed would take well under 1 s. A wide band.
  expect(seconds).toBeGreaterThan(2);
  expect(seconds).toBeLessThan(12);
  // In slow motion every step's rebuild is shown: the picture keeps up with the step count.
  const lag = async () => {
    const text = (await page.getByText(/Rebuilt at step/).textContent()) ?? '';
    const rebuilt = Number(/step ([\d,]+)/.exec(text)?.[1].replace(/,/g, '') ?? NaN);
    return (await stepCount(page)) - rebuilt;
  };
  await expect.poll(lag).toBeLessThanOrEqual(1);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(status(page)).toContainText(/stopped/i);
});
