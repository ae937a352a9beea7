/**
 * Issue 9, point 6: save to the browser, reload, load back (same pictures, same history);
 * export and import as tfjs files; every bad file refused with the current model unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { expect, test, type Download, type Page } from '@playwright/test';
import { readDigit } from './support/canvas';
import { openChapter } from './support/chapters';

const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /Epoch/ });
const chart = (page: Page) => page.getByRole('img', { name: /^Loss chart/ });
const panel = (page: Page) => page.getByRole('region', { name: 'Saved models' });

/** The ten rebuilds of chapter 1 (opened first: the saved models are in chapter 4). */
async function rebuilds(page: Page): Promise<number[][]> {
  await openChapter(page, 'Train and watch');
  let all: number[][] = [];
  // A chapter shown again paints its canvases a few at a time, and an unpainted one reads as all
  // zeros (no rebuild ever is): read until all ten are painted.
  await expect
    .poll(async () => {
      all = [];
      for (let digit = 0; digit < 10; digit++) {
        const image = page.getByRole('img', { name: `Reconstruction of digit ${digit}` });
        all.push(await readDigit(image));
      }
      return all.filter((pixels) => pixels.every((value) => value === 0)).length;
    })
    .toBe(0);
  return all;
}

async function openReady(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
}

async function trainShort(page: Page) {
  await openReady(page, '?trainSize=2000&epochs=1&seed=7');
  await trainButton(page).click();
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  await expect(page.getByText(/Rebuilt at step 16\b/)).toBeVisible();
}

async function exportFiles(page: Page, dir: string): Promise<{ json: string; bin: string }> {
  const downloads: Promise<Download>[] = [];
  page.on('download', (d) => downloads.push(Promise.resolve(d)));
  const both = page
    .waitForEvent('download')
    .then(() => expect.poll(() => downloads.length).toBe(2));
  await panel(page).getByRole('button', { name: 'Export', exact: true }).click();
  await both;
  const files = await Promise.all(downloads);
  const json = `${dir}/${files.find((f) => f.suggestedFilename().endsWith('.json'))?.suggestedFilename()}`;
  const bin = `${dir}/${files.find((f) => f.suggestedFilename().endsWith('.bin'))?.suggestedFilename()}`;
  for (const file of files) await file.saveAs(`${dir}/${file.suggestedFilename()}`);
  return { json, bin };
}

test('save, reload the page, load: the same pictures and the same loss history', async ({
  page,
}) => {
  await trainShort(page);
  const trained = await rebuilds(page);
  const label = await chart(page).getAttribute('aria-label');
  await openChapter(page, 'Models and data');
  await panel(page).getByLabel('Name').fill('Lecture 3 <b>demo</b>');
  await panel(page).getByRole('button', { name: 'Save', exact: true }).click();
  const list = panel(page).getByRole('list', { name: 'Models saved in this browser' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  // Shown as text, never as HTML.
  await expect(list).toContainText('Lecture 3 <b>demo</b>');
  await expect(list).toContainText(/16 steps · validation loss 0\.\d{4}/);

  await page.reload();
  await expect(trainButton(page)).toBeEnabled({ timeout: 60_000 });
  // The reload reopens the chapter it was in.
  await expect(panel(page)).toBeVisible();
  await openChapter(page, 'Train and watch');
  await expect(page.getByText(/Rebuilt at step 0\b/)).toBeVisible();
  expect(await rebuilds(page)).not.toEqual(trained);

  await openChapter(page, 'Models and data');
  await list.getByRole('button', { name: 'Load Lecture 3 <b>demo</b>' }).click();
  await expect(panel(page).getByRole('status')).toContainText(/Loaded “Lecture 3 <b>demo<\/b>”/);
  await openChapter(page, 'Train and watch');
  await expect(page.getByText(/Rebuilt at step 16\b/)).toBeVisible();
  expect(await rebuilds(page)).toEqual(trained);
  // The same points and epochs (the run's own description may differ: it was not run here).
  const history = (text: string | null) => /^Loss chart: [^,]+, [^,]+, [^,]+/.exec(text ?? '')?.[0];
  expect(history(await chart(page).getAttribute('aria-label'))).toBe(history(label));

  await openChapter(page, 'Models and data');
  await list.getByRole('button', { name: 'Delete Lecture 3 <b>demo</b>' }).click();
  await expect(panel(page).getByText('No models saved in this browser yet.')).toBeVisible();
});

test('export then import round-trips; bad files are refused and change nothing', async ({
  page,
}, testInfo) => {
  await trainShort(page);
  const trained = await rebuilds(page);
  const dir = testInfo.outputPath();
  await openChapter(page, 'Models and data');
  const { json, bin } = await exportFiles(page, dir);
  const model = JSON.parse(readFileSync(json, 'utf8')) as {
    format: string;
    modelTopology: unknown;
    weightsManifest: { paths: string[] }[];
    userDefinedMetadata: { latentLab: { config: { latentDim: number } } };
  };
  expect(model.format).toBe('layers-model');
  expect(model.weightsManifest[0].paths).toEqual(['./latent-lab-model.weights.bin']);

  // Back to untrained weights, then import.
  await page.getByRole('button', { name: 'Reset' }).click();
  await openChapter(page, 'Train and watch');
  await expect(page.getByText(/Rebuilt at step 0\b/)).toBeVisible();
  // The pictures are drawn after the caption changes, a few at a time: wait until every one of
  // the ten is the untrained network's.
  let untrained = trained;
  await expect
    .poll(async () => {
      untrained = await rebuilds(page);
      return untrained.filter((pixels, digit) => isDeepStrictEqual(pixels, trained[digit])).length;
    })
    .toBe(0);
  const input = panel(page).getByLabel(/Import model files/);

  const refusedWith = async (files: string[], pattern: RegExp) => {
    await openChapter(page, 'Models and data');
    await input.setInputFiles(files);
    await expect(panel(page).getByRole('alert')).toContainText(pattern);
    await expect(panel(page).getByRole('alert')).toContainText('Nothing was changed.');
    expect(await rebuilds(page)).toEqual(untrained);
  };
  const write = (name: string, body: string | Buffer) => {
    writeFileSync(`${dir}/${name}`, body);
    return `${dir}/${name}`;
  };
  const weights = readFileSync(bin);

  await refusedWith([json], /Choose both exported files/);
  await refusedWith([json, write('cut.weights.bin', weights.subarray(0, 1000))], /cut short/);
  const damaged = Buffer.from(weights);
  damaged[damaged.length >> 1] ^= 0xff;
  await refusedWith([json, write('bad.weights.bin', damaged)], /damaged: its checksum/);
  await refusedWith(
    [write('cut.json', readFileSync(json, 'utf8').slice(0, 300)), bin],
    /not valid JSON/,
  );
  await refusedWith(
    [write('other.json', '{"name": "not a model", "version": 3}'), bin],
    /not a TensorFlow\.js model/,
  );
  const foreign = { ...model, userDefinedMetadata: {} };
  await refusedWith(
    [write('foreign.json', JSON.stringify(foreign)), bin],
    /not one saved by Latent Lab/,
  );
  const lying = structuredClone(model);
  lying.userDefinedMetadata.latentLab.config.latentDim = 16;
  await refusedWith([write('lying.json', JSON.stringify(lying)), bin], /layers do not match/);

  await openChapter(page, 'Models and data');
  await input.setInputFiles([json, bin]);
  await expect(panel(page).getByRole('status')).toContainText(/Loaded .* from the files: 16 steps/);
  expect(await rebuilds(page)).toEqual(trained);
  await expect(page.getByText(/Rebuilt at step 16\b/)).toBeVisible();
  await expect(chart(page)).toHaveAttribute('aria-label', /16 training steps/);
});

test('a model of another latent size asks first, then loads with its own settings', async ({
  page,
}, testInfo) => {
  await openReady(page, '?latentDim=16&trainSize=1000&epochs=1');
  await trainButton(page).click();
  await expect(status(page)).toContainText(/done/i, { timeout: 120_000 });
  await openChapter(page, 'Models and data');
  const { json, bin } = await exportFiles(page, testInfo.outputPath());

  await openReady(page, '?trainSize=1000&epochs=1');
  await openChapter(page, 'Models and data');
  const table = page.getByRole('table', { name: /model/i });
  await expect(table).toContainText('(None, 32)');
  const input = panel(page).getByLabel(/Import model files/);
  await input.setInputFiles([json, bin]);
  const question = panel(page).getByRole('alertdialog');
  await expect(question).toContainText(
    'This model has latent size 16 (the page is set to 32). Load it with latentDim=16?',
  );
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(table).toContainText('(None, 32)');

  await input.setInputFiles([json, bin]);
  await panel(page).getByRole('alertdialog').getByRole('button', { name: 'Load it' }).click();
  await expect(panel(page).getByRole('status')).toContainText(/Loaded/);
  await expect(table).toContainText('(None, 16)');
});

test('a full browser storage falls back to Export', async ({ page }) => {
  // A browser with 100 kB of storage for this site: the digits fit in memory, a model does not.
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(test.info().project.use.baseURL ?? '').origin,
    quotaSize: 100_000,
  });
  await openReady(page, '?trainSize=1000&epochs=1');
  await openChapter(page, 'Models and data');
  await panel(page).getByRole('button', { name: 'Save', exact: true }).click();
  const alert = panel(page).getByRole('alert');
  await expect(alert).toContainText(/no room left to save this model/);
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export instead' }).click();
  expect((await download).suggestedFilename()).toMatch(/latent-lab-model\.(json|weights\.bin)/);
});
