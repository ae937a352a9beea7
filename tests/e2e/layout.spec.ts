/**
 * Issue 22: the lesson on one screen. The live training view fits a laptop's and a projector's
 * first screen; the chapters are links with addresses of their own; on a phone nothing scrolls
 * sideways, no text covers other text, Pause stays in reach and drawing works by touch; axe-core
 * finds nothing serious in any chapter.
 */
import { seriousViolations } from './support/axe';
import { expect, test, type Page } from '@playwright/test';
import { smallestText, textOverlaps } from './support/textOverlap';

// The page's Content-Security-Policy forbids inline scripts, which is how axe-core is injected.
test.use({ bypassCSP: true });

/** Each chapter, and a heading that shows once its panels are all in. */
const CHAPTERS = [
  { id: 'train-and-watch', title: 'Train and watch', last: 'Finished runs' },
  { id: 'inside-the-code', title: 'Inside the code', last: /^Digit fingerprints/ },
  { id: 'play-with-the-code', title: 'Play with the code', last: /rebuilds worst/ },
  { id: 'models-and-data', title: 'Models and data', last: 'The same run in Keras' },
] as const;

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const chapterNav = (page: Page) => page.getByRole('navigation', { name: 'Chapters' });
const chapterLink = (page: Page, title: string) =>
  chapterNav(page).getByRole('link', { name: new RegExp(title) });
const chapterRegion = (page: Page, n: number, title: string) =>
  page.getByRole('region', { name: `Chapter ${n}: ${title}` });
const lossChart = (page: Page) => page.getByRole('img', { name: /^Loss chart/ });
const digits = (page: Page) =>
  page.getByRole('img', { name: /^(Original digit|Reconstruction of digit) \d$/ });

async function openReady(page: Page, address: string) {
  await page.goto(address);
  await expect(button(page, 'Train')).toBeEnabled({ timeout: 90_000 });
}

/** Opens a chapter by its address (the same document: the finished run stays) when all is in. */
async function visitChapter(page: Page, query: string, i: number) {
  const chapter = CHAPTERS[i];
  await page.goto(`./${query}#${chapter.id}`);
  await expect(chapterRegion(page, i + 1, chapter.title)).toBeVisible();
  await expect(page.getByRole('heading', { name: chapter.last })).toBeVisible({
    timeout: 60_000,
  });
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}x${viewport.height} the live view is on the first screen`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openReady(page, './?epochs=2&trainSize=6000');
    // Calm: from before Train to the end of the run, nothing on the first screen moves.
    await expect(digits(page)).toHaveCount(20);
    // The chart's placeholder gives way to the drawn chart in the same box; wait for either.
    await expect
      .poll(async () => (await lossChart(page).boundingBox())?.height ?? 0)
      .toBeGreaterThan(100);
    const chartBox = await lossChart(page).boundingBox();
    const lastDigit = await digits(page).last().boundingBox();
    await button(page, 'Train').click();
    await expect(page.getByRole('status').filter({ hasText: /Epoch 1 of 2/ })).toBeVisible();
    // Wholly on screen, without a scroll: the controls, the status, the chart, the 20 digits.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(button(page, 'Pause')).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('status').filter({ hasText: /Epoch/ })).toBeInViewport();
    await expect(lossChart(page)).toBeInViewport({ ratio: 1 });
    for (const digit of await digits(page).all()) await expect(digit).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('status').filter({ hasText: /^done/ })).toBeVisible({
      timeout: 120_000,
    });
    expect(await lossChart(page).boundingBox()).toEqual(chartBox);
    expect(await digits(page).last().boundingBox()).toEqual(lastDigit);

    // With every number present, axe finds nothing serious in any chapter.
    if (viewport.width !== 1366) return;
    for (const [i, chapter] of CHAPTERS.entries()) {
      await visitChapter(page, '?epochs=2&trainSize=6000', i);
      expect(await seriousViolations(page), chapter.title).toEqual([]);
    }
  });
}

test('each chapter link opens its chapter, sets the address, and the address opens it again', async ({
  page,
}) => {
  await openReady(page, './?epochs=1&trainSize=3000');
  await expect(chapterLink(page, 'Train and watch')).toHaveAttribute('aria-current', 'page');
  for (const [i, chapter] of CHAPTERS.entries()) {
    await chapterLink(page, chapter.title).click();
    await expect(page).toHaveURL(new RegExp(`\\?epochs=1&trainSize=3000#${chapter.id}$`));
    await expect(chapterRegion(page, i + 1, chapter.title)).toBeVisible();
    await expect(chapterLink(page, chapter.title)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: /^Chapter \d/ })).toHaveCount(1);
    // The run's controls stay in every chapter.
    await expect(button(page, 'Train')).toBeVisible();
  }
  // Back goes to the chapter before, as on any site.
  await page.goBack();
  await expect(chapterRegion(page, 3, 'Play with the code')).toBeVisible();

  // A shared link, and a reload, open the same chapter.
  await page.goto('./?epochs=1&trainSize=3000#models-and-data');
  await expect(chapterRegion(page, 4, 'Models and data')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The network' })).toBeVisible({
    timeout: 90_000,
  });
  await page.reload();
  await expect(chapterRegion(page, 4, 'Models and data')).toBeVisible();
  await expect(chapterLink(page, 'Models and data')).toHaveAttribute('aria-current', 'page');

  // Keys: N for the next chapter, B for the one before; neither wraps around.
  await page.keyboard.press('b');
  await expect(chapterRegion(page, 3, 'Play with the code')).toBeVisible();
  await expect(page).toHaveURL(/#play-with-the-code$/);
  await page.keyboard.press('n');
  await expect(chapterRegion(page, 4, 'Models and data')).toBeVisible();
  await page.keyboard.press('n');
  await expect(chapterRegion(page, 4, 'Models and data')).toBeVisible();

  // A fragment that is not a chapter opens the first one, and nothing breaks.
  await page.goto('./?epochs=1#%E0%A4%A');
  await expect(chapterRegion(page, 1, 'Train and watch')).toBeVisible();
});

test('the settings open in a drawer that says what the next run will change', async ({ page }) => {
  await openReady(page, './?epochs=1&trainSize=3000');
  const open = button(page, 'Settings');
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const epochs = page.getByLabel('Epochs', { exact: true });
  await expect(epochs).toBeVisible();
  await expect(
    page.getByText(/Against the notebook, the next run changes: Epochs 10 → 1/),
  ).toBeVisible();
  await epochs.fill('2');
  await epochs.blur();
  await expect(page.getByText(/Epochs 10 → 2/)).toBeVisible();
  // The live view stays where it was while the drawer is open.
  await expect(lossChart(page)).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(epochs).toBeHidden();
  await expect(open).toBeFocused();
  await expect(page.getByText('2 changes', { exact: true })).toBeVisible();

  // Open again, then Train: the drawer makes way for the run, and focus stays on the run bar.
  await open.click();
  await expect(epochs).toBeVisible();
  await button(page, 'Train').click();
  await expect(epochs).toBeHidden();
  await expect(button(page, 'Pause')).toBeEnabled();
  await expect(open).not.toBeFocused();
  await expect(open).toHaveAttribute('aria-expanded', 'false');
});

test('on a 390x844 phone nothing spills sideways or overlaps, Pause stays in reach, drawing works by touch', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await openReady(page, './?epochs=2&trainSize=3000');
  await button(page, 'Train').click();
  // Mid-way down the page while training, Pause is still on screen.
  await page.getByRole('region', { name: 'Originals and rebuilds' }).scrollIntoViewIfNeeded();
  await expect(button(page, 'Pause')).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('status').filter({ hasText: /^done/ })).toBeVisible({
    timeout: 120_000,
  });

  // Every chapter at 390x844, then again on a smaller phone, 360x740.
  for (const size of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ]) {
    await page.setViewportSize(size);
    for (const [i, chapter] of CHAPTERS.entries()) {
      const where = `${size.width}px, ${chapter.title}`;
      await visitChapter(page, '?epochs=2&trainSize=3000', i);
      const widths = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      expect(widths[0], `${where}: page width`).toBeLessThanOrEqual(widths[1]);
      expect(await textOverlaps(page), `${where}: text over text`).toEqual([]);
      const smallest = await smallestText(page);
      expect(smallest.size, `${where}: smallest text "${smallest.text}"`).toBeGreaterThanOrEqual(
        12,
      );
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });

  // Draw a 7 with a finger on the pad of chapter 3.
  await visitChapter(page, '?epochs=2&trainSize=3000', 2);
  const pad = page.getByRole('img', { name: /Drawing pad/ });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no drawing pad');
  const at = (fx: number, fy: number) => ({
    x: box.x + fx * box.width,
    y: box.y + fy * box.height,
  });
  const stroke = [at(0.3, 0.25), at(0.5, 0.25), at(0.7, 0.25), at(0.6, 0.5), at(0.45, 0.8)];
  const touch = await context.newCDPSession(page);
  const send = (
    type: 'touchStart' | 'touchMove' | 'touchEnd',
    points: { x: number; y: number }[],
  ) => touch.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await send('touchStart', [stroke[0]]);
  for (const point of stroke.slice(1)) await send('touchMove', [point]);
  await send('touchEnd', []);
  await expect(page.getByRole('img', { name: 'Your drawing as a 28 by 28 input' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Rebuild of your drawing' })).toBeVisible();
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  await context.close();
});
