/**
 * Issue 25, the page side of chapters 1 and 4: a denoising run shows what its network is given,
 * a VAE's status, chart and table show both terms of its loss, a VAE saved and loaded (in the
 * browser, and as files) decodes the same images, bad kinds and noise are named, and the
 * settings drawer shows only the settings of the chosen kind.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { meanSquaredError, readDigit, spread } from './support/canvas';
import { openChapter, openSettings } from './support/chapters';

const SMALL = 'trainSize=500&epochs=1&batchSize=100';
const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /Epoch/ });
const savedModels = (page: Page) => page.getByRole('region', { name: 'Saved models' });
const digitImage = (page: Page, name: string) => page.getByRole('img', { name, exact: true });

async function openReady(page: Page, query: string) {
  await page.goto(`./${query}`);
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByText(/Rebuilt at step 0\b/)).toBeVisible();
}

async function trainToDone(page: Page) {
  await trainButton(page).click();
  await expect(status(page)).toContainText(/done/i, { timeout: 150_000 });
  await expect(page.getByText(/Rebuilt at step 5\b/)).toBeVisible();
}

/** The ten rebuilds of chapter 1, pixel by pixel. */
async function rebuilds(page: Page): Promise<number[][]> {
  await openChapter(page, 'Train and watch');
  const all: number[][] = [];
  for (let digit = 0; digit < 10; digit++) {
    all.push(await readDigit(digitImage(page, `Reconstruction of digit ${digit}`)));
  }
  return all;
}

test('a denoising run shows the original, what the network is given, and its rebuild', async ({
  page,
}) => {
  await openReady(page, `?model=denoising&noise=0.5&${SMALL}`);
  const rows = page.getByRole('group');
  await expect(rows.filter({ hasText: 'Original' })).toBeVisible();
  await expect(rows.filter({ hasText: 'Given to the network' })).toBeVisible();
  const rebuiltRow = rows.filter({ hasText: 'Rebuilt by the network' });
  await expect(rebuiltRow).toBeVisible();
  // The three rows fit the first screen of a laptop beside the chart, and nothing moves when
  // the run begins: the middle row was there from the start.
  const before = await rebuiltRow.boundingBox();
  expect((before?.y ?? Infinity) + (before?.height ?? 0)).toBeLessThanOrEqual(768);

  await trainToDone(page);
  expect((await rebuiltRow.boundingBox())?.y).toBe(before?.y);
  for (let digit = 0; digit < 10; digit++) {
    const original = await readDigit(digitImage(page, `Original digit ${digit}`));
    const given = await readDigit(
      digitImage(page, `Damaged digit ${digit}, as the network is given it`),
    );
    const rebuilt = await readDigit(digitImage(page, `Reconstruction of digit ${digit}`));
    // Half the pixels dropped: the middle row is clearly not the original.
    expect(meanSquaredError(original, given)).toBeGreaterThan(0.01);
    // Dropping only darkens: no pixel of the damaged copy is brighter than the original's.
    expect(given.every((value, i) => value <= original[i] + 1)).toBe(true);
    expect(spread(rebuilt)).toBeGreaterThan(0);
  }
  await expect(status(page)).toContainText(
    /Validation loss \(epoch 1\) on damaged test digits vs clean\s*0\.\d{4}/,
  );
});

// One trained VAE serves both halves (the terms on screen, then saving and loading it): a
// training run is the slow part of each.
test('a VAE with a 2-number code shows the KL term, and saved and loaded again decodes the same images', async ({
  page,
  context,
}, testInfo) => {
  await openReady(page, `?model=vae&latentDim=2&${SMALL}&seed=7`);
  await trainToDone(page);

  const sum = /\d+\.\d = \d+\.\d \+ \d+\.\d/;
  await expect(status(page)).toContainText('Training loss = rebuild + KL');
  await expect(status(page)).toContainText('Validation loss (epoch 1) = rebuild + KL');
  await expect(status(page)).toContainText(sum);

  const chart = page.getByRole('img', { name: /^Loss chart/ });
  await expect(chart).toHaveAttribute(
    'aria-label',
    /latest loss \d+\.\d \(rebuild term \d+\.\d, KL term \d+\.\d\)/,
  );
  await page.getByRole('checkbox', { name: 'Show as table' }).check();
  const table = page.getByRole('table', { name: /Loss after each epoch, with its rebuild and KL/ });
  await expect(table.getByRole('columnheader', { name: 'Validation KL term' })).toBeVisible();
  const row = table.getByRole('row', { name: /^1 / });
  await expect(row.getByRole('cell')).toHaveCount(6);
  const cells = await row.getByRole('cell').allTextContents();
  for (const cell of cells) expect(cell).toMatch(/^\d+\.\d$/);
  // The KL term is a part of the loss: smaller than the whole.
  expect(Number(cells[5])).toBeLessThan(Number(cells[3]));

  // Train wrote the settings into the address; a student opening it gets a VAE of 2 numbers.
  const link = new URL(page.url());
  expect(link.searchParams.get('model')).toBe('vae');
  expect(link.searchParams.get('latentDim')).toBe('2');
  const student = await context.newPage();
  await openReady(student, `${link.search}${link.hash}`);
  await openSettings(student);
  await expect(student.getByRole('radio', { name: /Variational/ })).toBeChecked();
  await expect(student.getByLabel('Latent size', { exact: true })).toHaveValue('2');
  await expect(student.getByLabel('Beta', { exact: true })).toHaveValue('1');

  // Saved in the browser and exported as files, then loaded back.
  await student.close();
  const trained = await rebuilds(page);

  await openChapter(page, 'Models and data');
  await expect(page.getByRole('rowheader', { name: /latent_log_var/ })).toBeVisible();
  await savedModels(page).getByLabel('Name').fill('vae demo');
  await savedModels(page).getByRole('button', { name: 'Save', exact: true }).click();
  const list = savedModels(page).getByRole('list', { name: 'Models saved in this browser' });
  await expect(list).toContainText(/VAE 784-128-2-128-784/);

  // Export now, while these weights are in place.
  const dir = testInfo.outputPath();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await savedModels(page).getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const files: string[] = [];
  for (const file of downloads) {
    files.push(`${dir}/${file.suggestedFilename()}`);
    await file.saveAs(`${dir}/${file.suggestedFilename()}`);
  }

  await page.reload();
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  expect(await rebuilds(page)).not.toEqual(trained);
  await openChapter(page, 'Models and data');
  await list.getByRole('button', { name: 'Load vae demo' }).click();
  await expect(savedModels(page).getByRole('status')).toContainText(/Loaded “vae demo”/);
  await openChapter(page, 'Train and watch');
  await expect(page.getByText(/Rebuilt at step 5\b/)).toBeVisible();
  expect(await rebuilds(page)).toEqual(trained);

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByText(/Rebuilt at step 0\b/)).toBeVisible();
  expect(await rebuilds(page)).not.toEqual(trained);
  await openChapter(page, 'Models and data');
  await savedModels(page)
    .getByLabel(/Import model files/)
    .setInputFiles(files);
  await expect(savedModels(page).getByRole('status')).toContainText(/Loaded/);
  await openChapter(page, 'Train and watch');
  await expect(page.getByText(/Rebuilt at step 5\b/)).toBeVisible();
  expect(await rebuilds(page)).toEqual(trained);
});

test('a bad model kind and a bad noise are named on the page', async ({ page }) => {
  await page.goto('./?model=gan&noise=2');
  const notice = page
    .getByRole('alert')
    .filter({ hasText: 'settings in the address were not used' });
  await expect(notice).toContainText('model=gan is not allowed');
  await expect(notice).toContainText('ae, denoising, vae');
  await expect(notice).toContainText('noise=2 is not allowed');
  await expect(notice).toContainText('0.05 to 0.95');
});

test('the settings drawer shows only what the chosen kind of model reads', async ({ page }) => {
  await page.goto('./');
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  await openSettings(page);
  const drawer = page.locator('#ll-settings-drawer');
  const field = (label: string) => drawer.getByLabel(label, { exact: true });
  await expect(drawer.getByRole('radio', { name: /Standard/ })).toBeChecked();
  await expect(field('Noise')).toHaveCount(0);
  await expect(field('Beta')).toHaveCount(0);
  await expect(field('Loss')).toBeVisible();

  await drawer.getByRole('radio', { name: /Denoising/ }).check();
  await expect(field('Noise')).toBeVisible();
  await expect(field('Noise type')).toBeVisible();
  await expect(field('Beta')).toHaveCount(0);

  await drawer.getByRole('radio', { name: /Variational/ }).check();
  await expect(field('Noise')).toHaveCount(0);
  await expect(field('Noise type')).toHaveCount(0);
  await expect(field('Beta')).toBeVisible();
  await expect(field('Code activation')).toHaveCount(0);
  await expect(field('Loss')).toHaveCount(0);
  await expect(drawer).toContainText(
    'Against the notebook, the next run changes: Kind of model Standard → Variational (VAE), Beta 1.',
  );
});
