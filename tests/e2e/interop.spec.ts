import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { openSettings } from './support/chapters';

const require = createRequire(import.meta.url);
// The page's Content-Security-Policy forbids inline scripts, which is how axe-core is injected.
test.use({ bypassCSP: true });

const showButton = (page: Page) => page.getByRole('button', { name: 'Show the Keras code' });
const codeBlock = (page: Page) =>
  page.getByRole('region', { name: 'The same run in Keras' }).locator('pre');
const settings = (page: Page) => page.getByRole('region', { name: 'Settings for the next run' });

test('the Keras code follows the settings a user types, and copies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The Keras code is in chapter 4; the settings drawer opens beside it.
  await page.goto('./#models-and-data');
  await openSettings(page);

  // Change the settings the way a person does: type in the box, pick from the list.
  const latent = settings(page).getByRole('textbox', { name: 'Latent size' });
  await latent.fill('8');
  await settings(page).getByRole('combobox', { name: 'Code activation' }).selectOption('sigmoid');

  await expect(showButton(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(codeBlock(page)).toBeHidden();
  await showButton(page).click();
  await expect(showButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(codeBlock(page)).toBeVisible();
  await expect(codeBlock(page)).toContainText(
    'code = layers.Dense(8, activation="sigmoid", name="latent")(x)',
  );
  await expect(codeBlock(page)).toContainText('latentDim=8');

  // While it is open, it keeps up with further edits.
  await settings(page).getByRole('textbox', { name: 'Hidden units' }).fill('256');
  await expect(codeBlock(page)).toContainText(
    'x = layers.Dense(256, activation="relu", name="encoder_hidden")(inputs)',
  );

  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('layers.Dense(8, activation="sigmoid", name="latent")');
  expect(copied).toContain('layers.Dense(256, activation="relu", name="decoder_hidden")');

  // Closing hides the code again.
  await showButton(page).click();
  await expect(codeBlock(page)).toBeHidden();
});

test('a refused clipboard says how to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await page.goto('./?latentDim=4#models-and-data');
  await showButton(page).click();
  await expect(codeBlock(page)).toContainText('name="latent"');
  await expect(codeBlock(page)).toContainText('layers.Dense(4,');
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'This browser did not allow copying' }),
  ).toBeVisible();
});

test('an invalid setting keeps the last valid code and says so', async ({ page }) => {
  await page.goto('./#models-and-data');
  await showButton(page).click();
  await openSettings(page);
  await settings(page).getByRole('textbox', { name: 'Latent size' }).fill('9999');
  await expect(page.getByText('Some settings of the next run are not valid yet')).toBeVisible();
  await expect(codeBlock(page)).toContainText('layers.Dense(32, activation="relu", name="latent")');
});

test('the open panel has no serious accessibility problems, light or dark', async ({ page }) => {
  await page.goto('./#models-and-data');
  await showButton(page).click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(codeBlock(page)).toBeVisible();
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const panel = page.getByRole('region', { name: 'The same run in Keras' });
    const violations = await panel.evaluate(async (element) => {
      interface Result {
        violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
      }
      const axe = (window as unknown as { axe: { run(e: Element): Promise<Result> } }).axe;
      const results = await axe.run(element);
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations, colorScheme).toEqual([]);
  }
});
