/**
 * `npm run screenshots [-- --dist dist] [--port 0] [--out docs/screenshots]`
 * (npm's prescreenshots step builds dist/ first; `npx tsx scripts/screenshots.ts --dist <dir>`
 * uses a build that already exists, e.g. one made with `npx vite build --outDir <dir>`.)
 *
 * Serves a production build, drives headless Chromium through every view of the app and writes
 * docs/screenshots/*.png for the README, so the pictures can be made again whenever the page
 * changes. Training views come from a short run set in the URL; the latent views and the
 * playground use the shipped pretrained network, so nothing here trains for long.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { openChapter, openSettings } from '../tests/e2e/support/chapters';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { serve } from './bench/serve';
import { kindViews } from './lib/kindScreenshots';
import {
  drawSeven,
  loadPretrained,
  openReady,
  region,
  shoot,
  shootBox,
  shootElement,
  unstickToolbars,
  SLOW,
  trainButton,
  waitForDone,
  waitForEnabled,
  waitForStep,
} from './lib/screenshotPage';

interface Args {
  dist: string;
  port: number;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dist: 'dist', port: 0, out: 'docs/screenshots' };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    if (key === 'dist') args.dist = value;
    else if (key === 'port') args.port = Number(value);
    else if (key === 'out') args.out = value;
    else throw new Error(`unknown option --${key} (known: --dist, --port, --out)`);
  }
  return args;
}

const LAPTOP = { width: 1366, height: 768 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: LAPTOP, deviceScaleFactor: 1, ...options });
  return context.newPage();
}

/** Trains a short run in this window size and pauses it part-way: the live view, as is. */
async function pausedRun(page: Page, url: string): Promise<void> {
  // 3 short epochs of 40 steps: long enough to pause in the first, done in well under a minute.
  await openReady(page, `${url}?epochs=3&trainSize=5000`);
  await trainButton(page).click();
  await waitForStep(page, 25);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitForEnabled(page, 'Resume');
}

/** First screen, a run caught mid-way, then its loss chart, rebuilds and the shortcut sheet. */
async function trainingViews(browser: Browser, url: string, out: string): Promise<void> {
  const page = await newPage(browser);
  await openReady(page, `${url}?epochs=3&trainSize=5000`);
  await shoot(page, out, 'first-screen');

  await trainButton(page).click();
  await waitForStep(page, 25);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitForEnabled(page, 'Resume');
  await page.mouse.move(0, 0);
  await shoot(page, out, 'training');
  await openSettings(page);
  await shoot(page, out, 'settings-drawer');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await shootBox(region(page, 'Originals and rebuilds'), out, 'reconstructions-early');

  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await waitForDone(page);
  await shootBox(region(page, /^Loss: how far/), out, 'loss-chart');
  await shootBox(region(page, 'Originals and rebuilds'), out, 'reconstructions');

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog');
  await sheet.waitFor();
  await shootElement(sheet, out, 'shortcuts');
  await page.context().close();
}

/** The live view as a projector and a phone show it, a run paused part-way. */
async function otherScreens(browser: Browser, url: string, out: string): Promise<void> {
  const projector = await newPage(browser, { viewport: PROJECTOR });
  await pausedRun(projector, url);
  await projector.mouse.move(0, 0);
  await shoot(projector, out, 'training-projector');
  await projector.context().close();

  const phone = await newPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  await pausedRun(phone, url);
  await shoot(phone, out, 'phone');
  await openChapter(phone, 'Inside the code');
  // The sample charts lay out only once scrolled to (content-visibility): wait for the toolbar.
  await phone.getByRole('group', { name: /Choose a digit/ }).waitFor({ timeout: SLOW });
  await shoot(phone, out, 'phone-inside');
  await phone.context().close();
}

/** Inside the bottleneck, the playground, the right-hand panels and presenter mode. */
async function pretrainedViews(browser: Browser, url: string, out: string): Promise<void> {
  // The page's CSP (rightly) refuses inline styles; unstickToolbars adds one for the pictures.
  const page = await newPage(browser, { bypassCSP: true });
  await openReady(page, url);
  await loadPretrained(page);
  await unstickToolbars(page);

  await openChapter(page, 'Inside the code');
  const latent = region(page, /^Inside the bottleneck/);
  const body = page.getByRole('complementary', { name: 'This digit and all digits' }).locator('..');
  await body
    .getByRole('img', { name: /^Rebuild of test image/ })
    .first()
    .waitFor({ timeout: SLOW });
  await shootBox(latent, out, 'latent-codes', body);
  const card = (title: RegExp) => page.getByRole('heading', { name: title }).locator('..');
  await shootBox(card(/^Digit fingerprints/), out, 'fingerprints');
  await shootBox(card(/^Which digits are hard to rebuild/), out, 'hard-digits');

  await openChapter(page, 'Play with the code');
  const play = region(page, /^Latent playground/);
  await play.getByRole('button', { name: 'test image #0' }).click();
  await play.getByRole('img', { name: 'What the decoder makes of the code' }).waitFor();
  // Zero the unit this image relies on most, so the picture shows an edited code.
  const relied = await play.getByText(/relies most on units/).textContent();
  const unit = /units (\d+)/.exec(relied ?? '')?.[1] ?? '0';
  await play.getByRole('slider', { name: `Unit ${unit}`, exact: true }).focus();
  await play.getByRole('button', { name: `Set unit ${unit} to zero` }).click();
  await play.getByText('Decoded from your code').waitFor();
  await play.getByText(/median of the last 2 changes/).waitFor({ timeout: SLOW });
  await shootBox(region(page, 'Change one number of the code'), out, 'playground-decoder');

  await drawSeven(play.getByRole('img', { name: /^Drawing pad/ }), page);
  await play.getByRole('img', { name: 'Rebuild of your drawing' }).waitFor({ timeout: SLOW });
  await play
    .getByRole('list', { name: 'Test images with the nearest codes' })
    .getByRole('img')
    .first()
    .waitFor({ timeout: SLOW });
  await shootBox(region(page, 'Draw your own digit'), out, 'playground-draw');

  await play.getByTestId('explained').waitFor({ timeout: SLOW });
  await shootBox(region(page, 'Map of all codes'), out, 'playground-map');
  await play.getByRole('group', { name: 'Through the code' }).waitFor({ timeout: SLOW });
  await shootBox(region(page, 'From one digit to another'), out, 'playground-interpolation');
  const worst = region(page, 'The images the network rebuilds worst');
  await worst
    .getByRole('img', { name: /^Where the rebuild of/ })
    .first()
    .waitFor({ timeout: SLOW });
  await shootBox(worst, out, 'playground-worst');

  await openChapter(page, 'Models and data');
  const saved = region(page, 'Saved models');
  await saved.getByRole('textbox', { name: 'Name' }).fill('Pretrained, 10 epochs');
  await saved.getByRole('button', { name: 'Save', exact: true }).click();
  await saved
    .getByRole('button', { name: 'Load Pretrained, 10 epochs' })
    .waitFor({ timeout: SLOW });
  await shootBox(saved, out, 'saved-models');
  await openSettings(page);
  await shootElement(region(page, 'Settings for the next run'), out, 'settings');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await shootBox(region(page, 'The network'), out, 'network');
  await shootBox(region(page, 'The data: handwritten digits'), out, 'dataset');

  // The Keras panel is new: older builds lack it, and the other pictures still matter.
  const keras = page.getByRole('button', { name: 'Show the Keras code' });
  if ((await keras.count()) === 0) console.log('  (no "Show the Keras code" button in this build)');
  else {
    await keras.click();
    await page.getByRole('region', { name: 'Keras code' }).waitFor();
    await shootBox(region(page, 'The same run in Keras'), out, 'keras-code');
  }

  await page.setViewportSize(PROJECTOR);
  await openChapter(page, 'Train and watch');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('p');
  await page.locator('html[data-theme="presenter"]').waitFor({ state: 'attached' });
  await page.getByRole('img', { name: /^Loss chart/ }).waitFor();
  await shoot(page, out, 'presenter');
  await page.context().close();
}

/** The page as a browser set to a dark theme shows it, with the pretrained network. */
async function darkView(browser: Browser, url: string, out: string): Promise<void> {
  const page = await newPage(browser, { colorScheme: 'dark' });
  await openReady(page, url);
  await loadPretrained(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, out, 'dark');
  await page.context().close();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  const server = await serve(args.dist, args.port);
  console.log(`Serving ${args.dist} at ${server.url}`);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    console.log('Training views (a 3-epoch run on 5,000 images):');
    await trainingViews(browser, server.url, args.out);
    console.log('The live view on a projector and a phone:');
    await otherScreens(browser, server.url, args.out);
    console.log('Pretrained views:');
    await pretrainedViews(browser, server.url, args.out);
    console.log('Dark theme:');
    await darkView(browser, server.url, args.out);
    console.log('Denoising and variational runs (short runs of 3 and 4 epochs):');
    await kindViews(browser, server.url, args.out);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
