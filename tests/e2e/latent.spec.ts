import { expect, test, type Page } from '@playwright/test';
import { openChapter } from './support/chapters';
import { idxTest } from './support/mnist';

const testLabels = idxTest().labels;

async function openReady(page: Page, query: string) {
  await page.goto(`./${query}`);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
}

const latentSection = (page: Page) => page.getByRole('region', { name: /Inside the bottleneck/ });

/** The test-set indices of the samples on screen, read from their visible headings. */
async function shownIndices(page: Page): Promise<number[]> {
  const headings = await latentSection(page)
    .getByRole('heading', { name: /^Test image #\d+$/ })
    .allTextContents();
  return headings.map((text) => Number(/#(\d+)/.exec(text)?.[1]));
}

const digitButton = (page: Page, digit: number) =>
  page
    .getByRole('group', { name: /Choose a digit/ })
    .getByRole('button', { name: String(digit), exact: true });

test('after a short run, keys walk through one digit; the fingerprints open a digit', async ({
  page,
}) => {
  await openReady(page, '?epochs=1&trainSize=3000');
  // Train from chapter 2: the run bar is in every chapter.
  await openChapter(page, 'Inside the code');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // Codes arrive with the epoch end: ceil(3000 / 128) = 24 steps.
  const section = latentSection(page);
  await expect(section.getByText(/after 24 training steps/)).toBeVisible({ timeout: 120_000 });

  await page.keyboard.press('7');
  await expect(digitButton(page, 7)).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await shownIndices(page)).map((i) => testLabels[i]))
    .toEqual([7, 7, 7]);

  const seen = new Set<string>();
  let previous = await shownIndices(page);
  seen.add(previous.join());
  for (let press = 0; press < 2; press++) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await shownIndices(page)).join()).not.toBe(previous.join());
    previous = await shownIndices(page);
    expect(previous).toHaveLength(3);
    expect(previous.map((i) => testLabels[i])).toEqual([7, 7, 7]);
    expect(seen.has(previous.join())).toBe(false);
    seen.add(previous.join());
  }

  // Every sample's chart, and the digit's average chart, has one bar per latent unit.
  const charts = section.getByRole('img', { name: /^Latent code of test image #\d+ \(digit 7\)/ });
  await expect(charts).toHaveCount(3);
  for (const name of await charts.evaluateAll((els) => els.map((e) => e.ariaLabel ?? ''))) {
    expect(name).toMatch(/: 32 bars\b/);
  }
  await expect(
    section.getByRole('img', { name: /^Average latent code of digit 7: 32 bars/ }),
  ).toBeVisible();
  // The worker rebuilt the three images on screen.
  await expect(section.getByRole('img', { name: /^Rebuild of test image #/ })).toHaveCount(3);

  // The fingerprints: ten digit rows, one column per unit, and a click opens a digit.
  const heatmap = section.getByRole('table', { name: /Digit fingerprints/ });
  await expect(heatmap.getByRole('rowheader')).toHaveCount(10);
  await expect(heatmap.locator('thead th')).toHaveCount(1 + 32 + 1);
  await heatmap.getByRole('button', { name: 'Digit 3' }).click();
  await expect(digitButton(page, 3)).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await shownIndices(page)).map((i) => testLabels[i]))
    .toEqual([3, 3, 3]);

  // Shuffle draws other 3s.
  const ordered = await shownIndices(page);
  await section.getByRole('button', { name: 'Shuffle' }).click();
  await expect.poll(async () => (await shownIndices(page)).join()).not.toBe(ordered.join());
  expect((await shownIndices(page)).map((i) => testLabels[i])).toEqual([3, 3, 3]);

  // Hard digits: all ten, hardest first.
  const hard = section.getByRole('table', { name: /hardest to rebuild first/ });
  const losses = (await hard.locator('tbody td:nth-child(2)').allTextContents()).map(Number);
  expect(losses).toHaveLength(10);
  expect([...losses].sort((a, b) => b - a)).toEqual(losses);

  // Dead units are named, or their absence is.
  await expect(section.getByText(/units? (is|are) dead|No dead units/)).toBeVisible();
});

test('with latentDim=8 every chart has 8 bars and the heatmap 8 columns', async ({ page }) => {
  await openReady(page, '?latentDim=8&epochs=1&trainSize=500#inside-the-code');
  const section = latentSection(page);
  // The untrained network's codes are there before any training.
  await expect(section.getByText(/untrained network/)).toBeVisible();
  await page.keyboard.press('5');
  const charts = section.getByRole('img', { name: /latent code/i });
  await expect(charts).toHaveCount(4); // three samples and the average
  for (const name of await charts.evaluateAll((els) => els.map((e) => e.ariaLabel ?? ''))) {
    expect(name).toMatch(/: 8 bars\b/);
  }
  const heatmap = section.getByRole('table', { name: /Digit fingerprints/ });
  await expect(heatmap.locator('thead th')).toHaveCount(1 + 8 + 1);
  await expect(heatmap.getByRole('rowheader')).toHaveCount(10);

  // Every bar chart has its numbers as a table too: one row per unit.
  await section.getByRole('article').first().getByText('Show as table').click();
  const table = section.getByRole('table', { name: /^Latent code of test image #\d+/ });
  await expect(table.getByRole('rowheader')).toHaveCount(8);
});

test('"Same scale on every chart" really rescales the sample charts, and back', async ({
  page,
}) => {
  await openReady(page, '');
  await page.getByRole('button', { name: 'Load pretrained' }).click();
  await openChapter(page, 'Inside the code');
  const section = latentSection(page);
  await expect(section.getByText(/after 4,690 training steps/)).toBeVisible({ timeout: 120_000 });
  const charts = section.getByRole('img', { name: /^Latent code of test image #\d+/ });
  await expect(charts).toHaveCount(3);
  await charts.first().scrollIntoViewIfNeeded();
  // Charts are drawn once near the screen; until then a placeholder of the same name stands in.
  await expect
    .poll(() => charts.evaluateAll((els) => els.map((e) => e.tagName).join()))
    .toBe('CANVAS,CANVAS,CANVAS');
  const pixels = async () =>
    Buffer.concat(await Promise.all([0, 1, 2].map((i) => charts.nth(i).screenshot())));

  const toggle = section.getByRole('checkbox', { name: 'Same scale on every chart' });
  await expect(toggle).toBeChecked();
  const shared = await pixels();
  await toggle.uncheck();
  await expect.poll(async () => (await pixels()).equals(shared)).toBe(false);
  await toggle.check();
  await expect.poll(async () => (await pixels()).equals(shared)).toBe(true);
});

test('paused before the first epoch ends, chapter 2 shows the codes of the weights as they are', async ({
  page,
}) => {
  await openReady(page, '?epochs=1&trainSize=20000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: /Epoch/ });
  await expect(status).toContainText(/Step ([1-9]\d*) of 157/);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeEnabled();
  await openChapter(page, 'Inside the code');
  const codesNote = latentSection(page).getByText(
    /Codes from the network after \d+ training steps/,
  );
  await expect(codesNote).toBeVisible();
  // The codes are of the paused weights, at the step the status shows (a step in flight when
  // Pause was pressed may land just after it).
  const codesStep = Number(/after (\d+) training/.exec((await codesNote.textContent()) ?? '')?.[1]);
  const step = Number(/Step ([\d,]+)/.exec((await status.textContent()) ?? '')?.[1]);
  expect(codesStep).toBe(step);
  expect(step).toBeGreaterThan(0);
  expect(step).toBeLessThan(157);
  await expect(digitButton(page, 0)).toHaveAttribute('aria-pressed', 'true');
});
