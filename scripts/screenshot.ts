/**
 * `npx tsx scripts/screenshot.ts URL OUT.png [WIDTHxHEIGHT] [--train] [--full] [--presenter] [--dark]`
 * Opens the app in headless Chromium (with --dark, as if the system asked for a dark theme),
 * optionally trains until done, optionally turns on presenter
 * mode (the P key), and saves a screenshot.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';

async function main() {
  const [url, out, size = '1366x768', ...flags] = process.argv.slice(2);
  if (!url || !out) throw new Error('usage: screenshot.ts URL OUT.png [WxH] [--train] [--full]');
  const [width, height] = size.split('x').map(Number);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    if (flags.includes('--dark')) await page.emulateMedia({ colorScheme: 'dark' });
    page.on('console', (message) => console.log(`[page] ${message.text()}`));
    page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
    await page.goto(url);
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await train.waitFor();
    await page
      .waitForFunction(
        () =>
          !(document.querySelector('button[aria-label="Train"], button') as HTMLButtonElement)
            ?.disabled,
        null,
        { timeout: 60_000 },
      )
      .catch(() => undefined);
    if (flags.includes('--train')) {
      await train.click({ timeout: 60_000 });
      await page
        .getByRole('status')
        .filter({ hasText: /done|stopped/i })
        .waitFor({ timeout: 600_000 });
    }
    if (flags.includes('--presenter')) {
      await page.keyboard.press('p');
      await page.waitForTimeout(500);
    }
    await page.screenshot({ path: out, fullPage: flags.includes('--full') });
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
