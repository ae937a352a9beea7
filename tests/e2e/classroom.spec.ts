/**
 * Issue 6: presenter mode, the lecture keys, the shareable link (Copy link, QR code), the epoch
 * announcement, the loss table, and axe-core scans of every view (sheet, QR panel, playground,
 * saved models, settings) in normal and presenter mode, light and dark.
 */
import jsQR from 'jsqr';
import { seriousViolations } from './support/axe';
import { expect, test, type Page } from '@playwright/test';
import { openChapter, openSettings } from './support/chapters';

// The page's Content-Security-Policy forbids inline scripts, which is how axe-core is injected.
test.use({ bypassCSP: true });

async function openReady(page: Page, query: string) {
  await page.goto(`./${query}`);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const digitButton = (page: Page, digit: number) =>
  page
    .getByRole('group', { name: /Choose a digit/ })
    .getByRole('button', { name: String(digit), exact: true });
const lossChart = (page: Page) => page.getByRole('img', { name: /^Loss chart/ });
const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? '');
const settings = (page: Page) => page.getByRole('region', { name: /Settings/ });

/** Serious or critical axe violations in the whole page, or only inside `within` if given. */

async function bodyFontSize(page: Page): Promise<number> {
  // The page's own size and a panel's: the text every panel's words are sized from.
  return page.evaluate(() =>
    Math.min(
      ...[document.body, document.querySelector('.ll-panel')].map((el) =>
        el ? Number.parseFloat(getComputedStyle(el).fontSize) : 0,
      ),
    ),
  );
}

test('presenter mode fits 1920x1080 in big type, announces epochs, and axe is happy', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openReady(page, '?epochs=1&trainSize=3000');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await bodyFontSize(page)).toBeLessThan(24);

  await button(page, 'Presenter mode').click();
  await expect(button(page, 'Presenter mode')).toHaveAttribute('aria-pressed', 'true');
  expect(await theme(page)).toBe('presenter');
  expect(await bodyFontSize(page)).toBeGreaterThanOrEqual(24);
  await expect(button(page, 'Settings')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Latent Lab', level: 1 })).toBeHidden();
  for (const essential of [
    button(page, 'Train'),
    page.getByRole('status').filter({ hasText: /Epoch/ }),
    lossChart(page),
    page.getByRole('img', { name: 'Original digit 3' }),
    digitButton(page, 0),
  ]) {
    await expect(essential).toBeInViewport();
  }
  const fits = () =>
    page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
  expect(await fits()).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  // One sample's code, drawn large enough to read from the back of the room.
  const codeCharts = page.getByRole('img', { name: /^Latent code of test image/ });
  await expect(codeCharts).toHaveCount(1);
  await expect(codeCharts).toBeInViewport();
  expect((await codeCharts.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(250);

  // Train in presenter mode; the epoch end (not each batch) is announced. Focus leaves the
  // Presenter mode button first: Space on a focused button presses that button.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(' ');
  const announcer = page.locator('.ll-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toHaveText(
    /^Finished epoch 1 of 1: training loss 0\.\d{4}, validation loss 0\.\d{4}\.$/,
    { timeout: 120_000 },
  );
  await expect(button(page, 'Train')).toBeEnabled();
  expect(await fits()).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);

  // Leaving restores the normal page.
  await page.keyboard.press('p');
  expect(await theme(page)).toBe('');
  await expect(button(page, 'Settings')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeVisible();
  expect(await bodyFontSize(page)).toBeLessThan(24);
  expect(await seriousViolations(page)).toEqual([]);

  // The chart as a table: the finished epoch's losses.
  await page.getByRole('checkbox', { name: 'Show as table' }).check();
  const table = page.getByRole('table', { name: 'Loss after each epoch' });
  await expect(table.getByRole('rowheader', { name: '1', exact: true })).toBeVisible();
  await expect(table).toContainText(/Latest batch\s*step 24/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('every lecture key does what the sheet says, and nothing while typing', async ({ page }) => {
  await openReady(page, '?epochs=1&trainSize=20000');

  // Typing in a settings box: no training, no presenter mode, no digit change.
  await openSettings(page);
  const epochsBox = page.getByLabel('Epochs', { exact: true });
  await epochsBox.focus();
  for (const key of [' ', 'p', 'r', 's', 'f', '3', '?', '.', 'n', 'b']) {
    await page.keyboard.press(key);
  }
  await expect(button(page, 'Pause')).toBeDisabled();
  expect(new URL(page.url()).hash).toBe('');
  expect(await theme(page)).toBe('');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await epochsBox.fill('1');
  await button(page, 'Close').click();
  await expect(epochsBox).toBeHidden();

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const row of ['Space', 'R', 'S', 'P', 'F', 'N', 'B', '?', '0 – 9', '←', '→']) {
    await expect(sheet.getByRole('cell', { name: row, exact: true })).toBeVisible();
  }
  await expect(sheet.getByRole('row', { name: /^\. One training step/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // N opens the next chapter, where the digit keys were typed into nothing before.
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#inside-the-code$/);
  await expect(digitButton(page, 0)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('3');
  await expect(digitButton(page, 3)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/Digit 3: samples 4–6 of/)).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText(/Digit 3: samples 1–3 of/)).toBeVisible();
  // B goes back to the chart.
  await page.keyboard.press('b');
  await expect(page).toHaveURL(/#train-and-watch$/);

  await page.keyboard.press(' ');
  await expect(button(page, 'Pause')).toBeEnabled();
  await page.keyboard.press(' ');
  await expect(button(page, 'Resume')).toBeEnabled();
  const steps = async () => {
    const label = (await lossChart(page).getAttribute('aria-label')) ?? '';
    return Number((/([\d,]+) training steps/.exec(label)?.[1] ?? '0').replace(/,/g, ''));
  };
  await expect.poll(steps).toBeGreaterThan(0);
  const before = await steps();
  await page.keyboard.press('.');
  await expect.poll(steps).toBe(before + 1);
  await page.keyboard.press('s');
  await expect(button(page, 'Train')).toBeEnabled();
  await expect(button(page, 'Stop')).toBeDisabled();
  await page.keyboard.press('r');
  await expect(lossChart(page)).toHaveAttribute('aria-label', /no training steps yet/);

  await page.keyboard.press('p');
  expect(await theme(page)).toBe('presenter');
  await page.keyboard.press('p');
  expect(await theme(page)).toBe('');

  await page.keyboard.press('f');
  await expect(button(page, 'Full screen')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('f');
  await expect(button(page, 'Full screen')).toHaveAttribute('aria-pressed', 'false');
});

test.describe('shareable link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link and the QR code reproduce settings, digit, sample and panels', async ({
    page,
    context,
  }) => {
    await openReady(page, '?epochs=1&trainSize=3000');
    await openSettings(page);
    await page.getByLabel('Latent size', { exact: true }).fill('16');
    await page.getByLabel('Seed', { exact: true }).fill('7');
    await button(page, 'Close').click();
    await openChapter(page, 'Inside the code');
    await digitButton(page, 4).click();
    await button(page, 'Next').click();
    await openChapter(page, 'Train and watch');
    await page.getByRole('checkbox', { name: 'Show as table' }).check();
    await expect
      .poll(() => new URL(page.url()).searchParams.toString())
      .toBe('epochs=1&latentDim=16&trainSize=3000&seed=7&digit=4&sample=1&lossTable=1');

    await button(page, 'Copy link').click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());

    // The QR code decodes, with an independent decoder (jsQR), to the link as it is now; the QR
    // panel is part of the link too (qr=1).
    await button(page, 'QR code').click();
    await expect.poll(() => page.url()).toContain('qr=1');
    const link = page.url();
    const canvas = page.getByRole('img', { name: `QR code of ${link}` });
    await expect(canvas).toBeVisible();
    // The code is drawn after the qrcode chunk loads, so poll until the pixels decode.
    const decodeCanvas = async () => {
      const image = await canvas.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
        return { rgba: Array.from(data ?? []), width: c.width, height: c.height };
      });
      if (image.rgba.length !== image.width * image.height * 4) return null;
      return jsQR(Uint8ClampedArray.from(image.rgba), image.width, image.height)?.data ?? null;
    };
    await expect.poll(decodeCanvas).toBe(link);
    // ...which is also what Copy link now copies.
    await button(page, 'Copy link').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // The link names the chapter the lecture was in, and opens there.
    expect(copied).toMatch(/#train-and-watch$/);
    const student = await context.newPage();
    await openReady(student, copied.replace(/^https?:\/\/[^/]+\//, ''));
    expect(student.url()).toBe(copied);
    await expect(student.getByRole('table', { name: 'Loss after each epoch' })).toBeVisible();
    await openSettings(student);
    await expect(student.getByLabel('Latent size', { exact: true })).toHaveValue('16');
    await expect(student.getByLabel('Seed', { exact: true })).toHaveValue('7');
    await expect(student.getByLabel('Epochs', { exact: true })).toHaveValue('1');
    await openChapter(student, 'Inside the code');
    await expect(digitButton(student, 4)).toHaveAttribute('aria-pressed', 'true');
    await expect(student.getByText(/Digit 4: samples 4–6 of/)).toBeVisible();
  });
});

test('at 200% zoom (1366x768 seen as 683x384) nothing spills sideways', async ({ page }) => {
  await page.setViewportSize({ width: 683, height: 384 });
  await openReady(page, '?epochs=1&trainSize=3000');
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await button(page, 'Presenter mode').click();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(button(page, 'Train')).toBeVisible();
});

test('axe finds nothing serious in any view, normal and presenter, light and dark', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openReady(page, '?epochs=1&trainSize=3000');
  const savedModels = page.getByRole('region', { name: 'Saved models' });
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const qrPanel = page.locator('.ll-qr');
  const playground = page.getByRole('region', { name: /Latent playground/ });
  const latentSection = page.getByRole('region', { name: /Inside the bottleneck/ });

  // Every view once, scanned on its own so a failure names the view it is in.
  const scanViews = async (scheme: string) => {
    await openSettings(page);
    await expect(settings(page), `${scheme}: settings`).toBeVisible();
    expect(await seriousViolations(page, settings(page)), `${scheme}: settings`).toEqual([]);
    await button(page, 'Close').click();
    await openChapter(page, 'Models and data');
    await expect(savedModels, `${scheme}: saved models`).toBeVisible();
    expect(await seriousViolations(page, savedModels), `${scheme}: saved models`).toEqual([]);
    await openChapter(page, 'Train and watch');
    await page.keyboard.press('?');
    await expect(sheet).toBeVisible();
    expect(await seriousViolations(page, sheet), `${scheme}: shortcut sheet`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    await button(page, 'QR code').click();
    await expect(qrPanel).toBeVisible();
    expect(await seriousViolations(page, qrPanel), `${scheme}: QR panel`).toEqual([]);
    expect(await seriousViolations(page), `${scheme}: whole page`).toEqual([]);
    await button(page, 'QR code').click();
    await expect(qrPanel).toBeHidden();

    await button(page, 'Presenter mode').click();
    expect(await theme(page)).toBe('presenter');
    expect(await seriousViolations(page), `${scheme}: presenter`).toEqual([]);
    await button(page, 'Presenter mode').click();
    expect(await theme(page)).toBe('');
  };

  await scanViews('light');

  // The playground appears once a trained model's sample is opened in it.
  await button(page, 'Train').click();
  await openChapter(page, 'Inside the code');
  await expect(latentSection.getByText(/after 24 training steps/)).toBeVisible({
    timeout: 120_000,
  });
  await latentSection
    .getByRole('button', { name: /^Open in playground: test image #\d+$/ })
    .first()
    .click();
  await expect(
    playground.getByRole('img', { name: 'What the decoder makes of the code' }),
  ).toBeVisible();
  expect(await seriousViolations(page, playground), 'light: playground').toEqual([]);
  expect(await seriousViolations(page), 'light: trained page').toEqual([]);

  // The dark theme follows the system setting; the same views, trained and with the playground.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
    true,
  );
  expect(await seriousViolations(page, playground), 'dark: playground').toEqual([]);
  await scanViews('dark');
});
