/**
 * Steps the screenshot script takes in the running app, found the way a person (and the e2e
 * tests) find things: by role and accessible name. Every wait is for something on the page,
 * never for a fixed time, so the pictures show finished states on a slow machine too.
 */
import { statSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { openChapter } from '../../tests/e2e/support/chapters';

/** Generous: on a busy 2-core machine the dataset and the first kernels take a while. */
export const SLOW = 180_000;

export const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });

export const region = (page: Page, name: RegExp | string) =>
  page.getByRole('region', { name, exact: typeof name === 'string' });

/** Waits until the button with this exact text can be pressed. */
export async function waitForEnabled(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).waitFor({ timeout: SLOW });
  await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('button')].some(
        (b) => b.textContent?.trim() === text && !b.disabled,
      ),
    label,
    { timeout: SLOW },
  );
}

/** Opens the app and waits until the dataset is in and Train can be pressed. */
export async function openReady(page: Page, url: string): Promise<void> {
  page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
  await page.goto(url);
  await waitForEnabled(page, 'Train');
  await waitForPaintedRebuilds(page);
}

/**
 * Waits until all ten rebuilds are drawn: the page paints its canvases a few per frame, and a
 * shot taken as Train is enabled once showed six of the untrained network's rebuilds still black.
 */
export async function waitForPaintedRebuilds(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const canvases = [...document.querySelectorAll('canvas')].filter((c) =>
        /^Reconstruction of digit \d$/.test(c.getAttribute('aria-label') ?? ''),
      );
      return (
        canvases.length === 10 &&
        canvases.every((c) => {
          const rgba = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
          return rgba !== undefined && rgba.some((value, i) => i % 4 !== 3 && value > 0);
        })
      );
    },
    undefined,
    { timeout: SLOW, polling: 100 },
  );
}

/** Waits until training has reached `step` (or finished early). */
export async function waitForStep(page: Page, step: number): Promise<void> {
  await page.waitForFunction(
    (target) => {
      const box = [...document.querySelectorAll('[role="status"]')].find((el) =>
        /Step/.test(el.textContent ?? ''),
      );
      const match = /Step\s*([\d,]+)\s*of/.exec(box?.textContent ?? '');
      return match !== null && Number(match[1].replace(/,/g, '')) >= target;
    },
    step,
    { timeout: SLOW, polling: 100 },
  );
}

export async function waitForDone(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: /done/i }).first().waitFor({ timeout: 600_000 });
}

/** Load pretrained, then wait for its measured loss and the codes of all test images (chapter 2). */
export async function loadPretrained(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load pretrained' }).click();
  await page.getByText(/Validation loss measured in this browser/).waitFor({ timeout: SLOW });
  await openChapter(page, 'Inside the code');
  await page
    .getByText(/Codes from the network after 4,690 training steps/)
    .waitFor({ timeout: SLOW });
  await openChapter(page, 'Train and watch');
}

/** Draws a "7" on the drawing pad with the mouse, as a student would. */
export async function drawSeven(pad: Locator, page: Page): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the drawing pad is not on screen');
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  const stroke: (readonly [number, number])[] = [
    at(0.28, 0.25),
    at(0.72, 0.25),
    at(0.6, 0.45),
    at(0.48, 0.65),
    at(0.42, 0.8),
  ];
  await page.mouse.move(...stroke[0]);
  await page.mouse.down();
  for (const point of stroke.slice(1)) await page.mouse.move(...point, { steps: 8 });
  await page.mouse.up();
}

/** Saves what the window shows as <dir>/<name>.png. */
export async function shoot(page: Page, dir: string, name: string): Promise<void> {
  const path = `${dir}/${name}.png`;
  await page.screenshot({ path, animations: 'disabled' });
  logSize(path);
}

/** An element on its own, as Playwright cuts it out: right for a dialog over the page. */
export async function shootElement(target: Locator, dir: string, name: string): Promise<void> {
  const path = `${dir}/${name}.png`;
  await target.screenshot({ path, animations: 'disabled' });
  logSize(path);
}

const PAD = 6;

/**
 * Saves one element, or the span from the top of `first` to the bottom of `last`, with a small
 * margin, even when it is taller than the window.
 */
export async function shootBox(
  first: Locator,
  dir: string,
  name: string,
  last: Locator = first,
): Promise<void> {
  const page = first.page();
  // Park the pointer in the corner: after scrolling it would hover (and highlight) whatever lands
  // under the button it last pressed.
  await page.mouse.move(0, 0);
  await first.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const scrollY = await page.evaluate(() => window.scrollY);
  const [top, bottom] = [await first.boundingBox(), await last.boundingBox()];
  if (!top || !bottom) throw new Error(`${name}: the elements to shoot are not on the page`);
  const width = page.viewportSize()?.width ?? top.x + top.width;
  const x = Math.max(0, top.x - PAD);
  const y = Math.max(0, top.y + scrollY - PAD);
  const path = `${dir}/${name}.png`;
  await page.screenshot({
    path,
    fullPage: true,
    animations: 'disabled',
    clip: {
      x,
      y,
      width: Math.min(width - x, top.width + 2 * PAD),
      height: bottom.y + scrollY + bottom.height + PAD - y,
    },
  });
  logSize(path);
}

/**
 * The run bar and the latent toolbar stick to the top of the window while the page scrolls, so
 * in a picture of a lower part they would cover what is there; pinned in place they look as at
 * rest.
 */
export async function unstickToolbars(page: Page): Promise<void> {
  await page.addStyleTag({
    content: '.ll-runbar, .ll-latent-toolbar { position: static !important; }',
  });
}

function logSize(path: string): void {
  const kb = Math.round(statSync(path).size / 1024);
  console.log(`  ${path} (${kb} KB)${kb > 300 ? '  <- over 300 KB' : ''}`);
}
