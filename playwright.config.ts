import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/chromium';

// Overridable so several checkouts (or engineers) can run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 4317);
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  // One browser per core, at most four: much of a test's time is the page's workers (download,
  // decode, tfjs) or a wait, and two browsers on two cores finish sooner than one. No test
  // asserts a speed, so sharing the cores changes no result. Every test opens its own page, so
  // the tests of one file may run side by side too.
  workers: Number(process.env.E2E_WORKERS) || Math.min(4, availableParallelism()),
  fullyParallel: true,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --outDir ${DIST} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
