import { expect, test, type Page } from '@playwright/test';
import { meanSquaredError, readDigit, spread } from './support/canvas';
import { openChapter } from './support/chapters';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /Epoch/ });

async function stepCount(page: Page): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  const match = /Step ([\d,]+)/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : NaN;
}

async function reconstructionErrors(page: Page): Promise<number[]> {
  const errors: number[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const original = await readDigit(page.getByRole('img', { name: `Original digit ${digit}` }));
    const rebuilt = await readDigit(
      page.getByRole('img', { name: `Reconstruction of digit ${digit}` }),
    );
    expect(spread(rebuilt)).toBeGreaterThan(0); // not blank
    errors.push(meanSquaredError(original, rebuilt));
  }
  return errors;
}

async function openReady(page: Page, query: string) {
  await page.goto(`./${query}`);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
  await expect(page.getByText(/Rebuilt at step 0\b/)).toBeVisible();
}

test('a short run trains to done, the chart fills and reconstructions improve', async ({
  page,
}) => {
  await openReady(page, '?epochs=1&trainSize=2000');
  const before = await reconstructionErrors(page);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(status(page)).toContainText('Epoch 1 of 1');
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  expect(await stepCount(page)).toBe(16); // ceil(2000 / 128)

  const chart = page.getByRole('img', { name: /^Loss chart/ });
  await expect(chart).toHaveAttribute('aria-label', /16 training steps/);
  await expect(chart).toHaveAttribute('aria-label', /validation loss after epoch 1/i);

  await expect(page.getByText(/Rebuilt at step 16\b/)).toBeVisible();
  const after = await reconstructionErrors(page);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  expect(mean(after)).toBeLessThan(mean(before));
  for (let digit = 0; digit < 10; digit++) expect(after[digit]).toBeLessThan(before[digit]);
});

test('Pause freezes the step count, Step adds exactly one, Resume continues, Stop ends', async ({
  page,
}) => {
  await openReady(page, '?epochs=1&trainSize=20000');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeDisabled();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(3);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(status(page)).toContainText(/paused/i);
  const paused = await stepCount(page);
  await expect(page.getByRole('button', { name: 'Resume' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();

  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => stepCount(page)).toBe(paused + 1);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => stepCount(page)).toBe(paused + 2);
  await expect(status(page)).toContainText(/paused/i);

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(paused + 4);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(status(page)).toContainText(/stopped/i);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeDisabled();
});

test('Reset brings back fresh weights from the seed', async ({ page }) => {
  await openReady(page, '?epochs=1&trainSize=1000');
  const untrained = await reconstructionErrors(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByText(/Rebuilt at step 0\b/)).toBeVisible();
  expect(await reconstructionErrors(page)).toEqual(untrained);
});

test('invalid URL parameters are named with their range, and defaults are used', async ({
  page,
}) => {
  await page.goto('./?epochs=-3&batchSize=abc&latentDim=1e9');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('epochs=-3');
  await expect(alert).toContainText('1 to 100');
  await expect(alert).toContainText('batchSize=abc');
  await expect(alert).toContainText('latentDim=1e9');
  await expect(alert).toContainText('1 to 256');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
  await openChapter(page, 'Models and data');
  await expect(page.getByRole('table', { name: /model/i })).toContainText('209,968');
});

test('the model summary matches Keras at the defaults', async ({ page }) => {
  await openReady(page, '');
  await openChapter(page, 'Models and data');
  const table = page.getByRole('table', { name: /model/i });
  for (const params of ['100,480', '4,128', '4,224', '101,136', '209,968']) {
    await expect(table).toContainText(params);
  }
  await expect(page.getByText(/24\.5/)).toBeVisible();
});
