import { expect, test, type Page } from '@playwright/test';

const speeds = (page: Page) => page.locator('.ll-status__speeds');

test('auto measures the backends once per device, shows the speeds and offers the others', async ({
  page,
}) => {
  await page.goto('./?epochs=1&trainSize=500');
  // No GPU here: WebGL is not timed (software renderer), WebAssembly is, and wins.
  await expect(speeds(page)).toContainText(
    /Measured over the first few steps \(training then runs faster\): WebGL not measured, WebAssembly( on \d+ threads)? \d+ ms\/step/,
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByText(/Computing with WebAssembly/)).toBeVisible();

  // Same browser profile: the probe's answer comes from IndexedDB.
  await page.reload();
  await expect(speeds(page)).toContainText(
    /Measured earlier on this device over the first few steps .*WebAssembly( on \d+ threads)? \d+/,
    {
      timeout: 60_000,
    },
  );

  // The override keeps the other parameters and forces the backend (no probe then).
  await speeds(page).getByRole('link', { name: 'JavaScript' }).click();
  await expect(page).toHaveURL(/epochs=1&trainSize=500&backend=cpu/);
  await expect(page.getByText(/Computing with plain JavaScript/)).toBeVisible({ timeout: 60_000 });
  await expect(speeds(page)).not.toContainText('Measured');
  await expect(speeds(page).getByRole('link', { name: 'automatic' })).toHaveAttribute(
    'href',
    /\?epochs=1&trainSize=500$/,
  );
});
