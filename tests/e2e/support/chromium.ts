/**
 * Finds the Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else a Chrome or Chromium on the PATH. Playwright's own browser download is not used.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
];

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of PATH_NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  throw new Error(
    'The end-to-end tests need Chromium or Chrome, and none was found.\n' +
      'Install it (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome),\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}

/** Flags that let headless Chromium run here: no sandbox as root, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
