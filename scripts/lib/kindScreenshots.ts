/**
 * The README's pictures of the lessons after the notebook (issue 25): a denoising run's three
 * rows, a VAE's loss in two terms, and a 2-number VAE's map of the code space and its Generate.
 */
import type { Browser, Page } from '@playwright/test';
import { openChapter } from '../../tests/e2e/support/chapters';
import {
  openReady,
  region,
  shoot,
  shootBox,
  trainButton,
  unstickToolbars,
  waitForDone,
  SLOW,
} from './screenshotPage';

const LAPTOP = { width: 1366, height: 768 };

/**
 * Short enough to finish in well under a minute, long enough for the digits to show: a VAE with
 * a 2-number code needs more steps than that before its map organises itself.
 */
const SHORT_RUN = 'epochs=3&trainSize=10000';
const VAE_RUN = 'epochs=4&trainSize=30000';

async function trainedPage(
  browser: Browser,
  url: string,
  query: string,
  run = SHORT_RUN,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: LAPTOP,
    deviceScaleFactor: 1,
    bypassCSP: true,
  });
  const page = await context.newPage();
  await openReady(page, `${url}?${query}&${run}`);
  await trainButton(page).click();
  await waitForDone(page);
  await page.mouse.move(0, 0);
  return page;
}

export async function kindViews(browser: Browser, url: string, out: string): Promise<void> {
  const denoising = await trainedPage(browser, url, 'model=denoising&noise=0.5');
  await page0(denoising);
  await shoot(denoising, out, 'denoising');
  await denoising.context().close();

  const vae = await trainedPage(browser, url, 'model=vae&latentDim=2', VAE_RUN);
  await page0(vae);
  await shoot(vae, out, 'vae-training');
  await unstickToolbars(vae);
  await openChapter(vae, 'Play with the code');
  const map = region(vae, 'The map of the code space');
  await map
    .getByRole('img', { name: 'Digits decoded from a 20 by 20 grid of codes' })
    .waitFor({ timeout: SLOW });
  await shootBox(map, out, 'vae-map');
  const generate = region(vae, 'Generate new digits');
  await generate.getByRole('button', { name: /^Generate/ }).click();
  await generate
    .getByRole('group', { name: 'Generated digits' })
    .getByRole('img')
    .first()
    .waitFor();
  await shootBox(generate, out, 'vae-generate');
  await vae.context().close();
}

/** Chapter 1 from the top. */
async function page0(page: Page): Promise<void> {
  await openChapter(page, 'Train and watch');
  await page.evaluate(() => window.scrollTo(0, 0));
}
