/**
 * Issue 10, point 2: Latent Lab can be installed as an app. Its web app manifest is served and
 * complete, every icon it lists is a PNG of the size it claims, and Chromium itself finds
 * nothing stopping an install, all from a sub-folder of a plain static host.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type APIRequestContext } from '@playwright/test';
import { PNG } from 'pngjs';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';
import { startStaticServer, type StaticServer } from './support/staticServer';

const DIST = process.env.E2E_DIST ?? 'dist';
const PREFIX = '/apps/latent-lab/';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

let server: StaticServer;
test.beforeAll(async () => {
  server = await startStaticServer(DIST, PREFIX);
});
test.afterAll(async () => {
  await server.close();
});

/** Fetches a PNG and checks it is served and decodes as one, `size` pixels square. */
async function expectPng(request: APIRequestContext, url: string, size: number) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toBe('image/png');
  const png = PNG.sync.read(await response.body());
  expect({ url, width: png.width, height: png.height }).toEqual({ url, width: size, height: size });
}

test('the manifest is served, complete, and every icon is the PNG it claims to be', async ({
  page,
  request,
}) => {
  await page.goto(server.url);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href ?? '', server.url).href;
  expect(manifestUrl).toBe(`${server.url}manifest.webmanifest`);

  const response = await request.get(manifestUrl);
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({
    name: 'Latent Lab',
    short_name: expect.any(String),
    description: expect.stringMatching(/\w{20,}|\w+ \w+ \w+/),
    // Relative, so the installed app opens wherever the folder is.
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#1e3a8a',
    background_color: '#f4f5f8',
  });
  expect(String(manifest.short_name).length).toBeLessThanOrEqual(12);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute(
    'content',
    String(manifest.theme_color),
  );

  const icons = manifest.icons as ManifestIcon[];
  const has = (size: string, purpose: string) =>
    icons.some((i) => i.sizes === size && (i.purpose ?? 'any').split(' ').includes(purpose));
  expect(has('192x192', 'any')).toBe(true);
  expect(has('512x512', 'any')).toBe(true);
  expect(icons.some((i) => i.purpose?.split(' ').includes('maskable'))).toBe(true);
  for (const icon of icons) {
    expect(icon.type).toBe('image/png');
    const [width, height] = icon.sizes.split('x').map(Number);
    expect(width).toBe(height);
    await expectPng(request, new URL(icon.src, manifestUrl).href, width);
  }

  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  await expectPng(request, new URL(touchIcon ?? '', server.url).href, 180);
});

// Chromium never offers to install from an incognito window, and Playwright's usual contexts
// are incognito ones, so this test opens the browser with a profile folder of its own.
test('Chromium finds the app installable, and its manifest free of errors', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'latent-lab-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
    const cdp = await context.newCDPSession(page);
    const { errors: manifestErrors, url } = await cdp.send('Page.getAppManifest');
    expect(url).toBe(`${server.url}manifest.webmanifest`);
    expect(manifestErrors).toEqual([]);
    // Chromium runs its full check (manifest, icons fetched and decoded) before it answers.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
