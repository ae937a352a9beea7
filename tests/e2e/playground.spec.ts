import { expect, test, type Page } from '@playwright/test';
import { meanSquaredError, readDigit } from './support/canvas';
import { openChapter } from './support/chapters';

const latentSection = (page: Page) => page.getByRole('region', { name: /Inside the bottleneck/ });
const playground = (page: Page) => page.getByRole('region', { name: /Latent playground/ });

async function trainedBriefly(page: Page) {
  await page.goto('./?epochs=1&trainSize=3000');
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeEnabled({ timeout: 60_000 });
  await train.click();
  await openChapter(page, 'Inside the code');
  await expect(latentSection(page).getByText(/after 24 training steps/)).toBeVisible({
    timeout: 120_000,
  });
}

/** The test-set indices of the per-digit view's samples, from their headings. */
async function shownIndices(page: Page): Promise<number[]> {
  const headings = await latentSection(page)
    .getByRole('heading', { name: /^Test image #\d+$/ })
    .allTextContents();
  return headings.map((text) => Number(/#(\d+)/.exec(text)?.[1]));
}

test('the latent playground: edit a code, draw, map, interpolate, worst rebuilds', async ({
  page,
}) => {
  await trainedBriefly(page);
  const play = playground(page);

  // 1. Open a sample, then move one of the units it relies on with the keyboard. (The rebuilds
  // of the first two samples are kept for step 2: the playground is in another chapter.)
  const [first, second] = await shownIndices(page);
  const rebuildOf = (index: number) =>
    latentSection(page).getByRole('img', { name: `Rebuild of test image #${index}` });
  const [firstRebuild, secondRebuild] = [
    await readDigit(rebuildOf(first)),
    await readDigit(rebuildOf(second)),
  ];
  await latentSection(page)
    .getByRole('button', { name: `Open in playground: test image #${first}` })
    .click();
  const decoded = play.getByRole('img', { name: 'What the decoder makes of the code' });
  // The link opens chapter 3 at the playground.
  await expect(page).toHaveURL(/#play-with-the-code$/);
  await expect(decoded).toBeVisible();
  const relied = play.getByText(/relies most on units [\d, ]+/);
  await expect(relied).toBeVisible();
  const unit = Number(/units (\d+)/.exec((await relied.textContent()) ?? '')?.[1]);
  const before = await readDigit(decoded);
  const slider = play.getByRole('slider', { name: `Unit ${unit}`, exact: true });
  await slider.focus();
  for (let k = 0; k < 40; k++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await expect
    .poll(async () => meanSquaredError(before, await readDigit(decoded)))
    .toBeGreaterThan(1e-4);
  const latency = play.locator('[data-median-ms]');
  await expect(latency).toBeVisible();
  console.log(`decoder median ms while editing: ${await latency.getAttribute('data-median-ms')}`);
  // Back to the original code gives back the original rebuild.
  await play.getByRole('button', { name: 'Back to the original code' }).click();
  await expect
    .poll(async () => meanSquaredError(before, await readDigit(decoded)))
    .toBeLessThan(1e-5);
  await play.getByRole('button', { name: `Set unit ${unit} to zero` }).click();
  await expect
    .poll(async () => meanSquaredError(before, await readDigit(decoded)))
    .toBeGreaterThan(1e-5);

  // 4. Draw a 7 with the mouse.
  const pad = play.getByRole('img', { name: /Drawing pad/ });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no drawing pad');
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(0.3, 0.25));
  await page.mouse.down();
  await page.mouse.move(...at(0.7, 0.25), { steps: 8 });
  await page.mouse.move(...at(0.45, 0.8), { steps: 8 });
  await page.mouse.up();
  const input = play.getByRole('img', { name: 'Your drawing as a 28 by 28 input' });
  await expect(input).toBeVisible();
  expect(
    await input.evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]),
  ).toEqual([28, 28]);
  await expect(play.getByRole('img', { name: 'Rebuild of your drawing' })).toBeVisible();
  await expect(
    play.getByRole('img', { name: /^Latent code of your drawing: 32 bars/ }),
  ).toBeVisible();
  await expect(
    play.getByRole('list', { name: 'Test images with the nearest codes' }).getByRole('img'),
  ).toHaveCount(5);
  console.log(
    `drawing to rebuild ms: ${await play.locator('[data-draw-ms]').getAttribute('data-draw-ms')}`,
  );

  // 2. Interpolate between two of the per-digit view's samples: the ends are their rebuilds.
  await play.getByRole('spinbutton', { name: 'From test image #' }).fill(String(first));
  await play.getByRole('spinbutton', { name: 'to test image #' }).fill(String(second));
  const frames = play.getByRole('group', { name: 'Through the code' }).getByRole('img');
  await expect(frames).toHaveCount(10);
  await expect(
    play.getByRole('group', { name: 'Blending the pixels' }).getByRole('img'),
  ).toHaveCount(10);
  await expect
    .poll(async () => meanSquaredError(await readDigit(frames.first()), firstRebuild))
    .toBeLessThan(1e-5);
  expect(meanSquaredError(await readDigit(frames.last()), secondRebuild)).toBeLessThan(1e-5);
  await play.getByRole('spinbutton', { name: 'Frames' }).fill('6');
  await expect(frames).toHaveCount(6);

  // 3. The map: 10,000 dots in 10 colours, a legend of 10 digits, the variance explained.
  const map = play.getByRole('img', { name: /^Latent map: 10,000 test codes/ });
  await expect(map).toHaveAttribute('data-points', '10000');
  await expect(map).toHaveAttribute('data-colors', '10');
  await expect(
    play.getByRole('list', { name: 'Colours of the digits' }).getByRole('listitem'),
  ).toHaveCount(10);
  await expect(play.getByTestId('explained')).toHaveText(/^\d+%$/);
  // Pointing at a dot shows its image; clicking it opens it in the per-digit view.
  await map.scrollIntoViewIfNeeded();
  const spot = await map.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const rgba = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!rgba) return null;
    // A painted pixel (alpha > 0) near the middle row: a dot lies there.
    for (let x = Math.floor(c.width / 3); x < c.width; x++) {
      const y = Math.floor(c.height / 2);
      if (rgba[(y * c.width + x) * 4 + 3] > 0) {
        const rect = c.getBoundingClientRect();
        return {
          x: rect.left + (x / c.width) * rect.width,
          y: rect.top + (y / c.height) * rect.height,
        };
      }
    }
    return null;
  });
  if (!spot) throw new Error('no dot on the map');
  await page.mouse.move(spot.x, spot.y);
  const hover = play
    .locator('.ll-map__hover')
    .getByRole('img', { name: /^Test image #\d+, a \d$/ });
  await expect(hover).toBeVisible();
  const hovered = Number(/#(\d+)/.exec((await hover.getAttribute('aria-label')) ?? '')?.[1]);
  console.log(`map text: ${await play.getByText(/the PCA took \d+ ms/).textContent()}`);
  await page.mouse.click(spot.x, spot.y);
  await expect(page).toHaveURL(/#inside-the-code$/);
  await expect.poll(() => shownIndices(page)).toContain(hovered);

  // 5. Worst rebuilds: ten digit rows of eight, each with its error map; a click opens it.
  await openChapter(page, 'Play with the code');
  const worst = play.getByRole('list', { name: 'Worst rebuilt test images, by digit' });
  await expect(worst.getByRole('listitem')).toHaveCount(10);
  await expect(worst.getByRole('img', { name: /^Where the rebuild of #\d+ is wrong/ })).toHaveCount(
    80,
  );
  const cell = worst.getByRole('button', { name: /, a 4: open it/ }).first();
  const index = Number(/#(\d+)/.exec((await cell.getAttribute('aria-label')) ?? '')?.[1]);
  await cell.click();
  await expect.poll(() => shownIndices(page)).toContain(index);
});
