/**
 * Offline use after the first visit: checks the browser has room for the app and the digits,
 * asks for the storage to be kept (not evicted under pressure), and registers the service
 * worker (src/sw/sw.ts), which caches everything. Only in built apps: the dev server's files
 * change on every edit, and a cache would hide the edits.
 */
import type { OfflineStatus } from '../store/reliabilityState';
import { reloadForIsolation, sessionStore } from './isolation';

/** The app's own files (scripts, styles, the three wasm builds) with room to spare. */
const APP_BYTES = 6_000_000;

const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/** Resolves once the service worker is active, or rejects when its install fails. */
function installed(registration: ServiceWorkerRegistration): Promise<void> {
  if (registration.active) return Promise.resolve();
  const worker = registration.installing ?? registration.waiting;
  return new Promise((resolve, reject) => {
    if (!worker) return reject(new Error('the browser did not start it'));
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('it could not cache every file'));
    });
  });
}

/** Once the service worker serves this page, load it again through it (isolation.ts). */
function isolateOnce(canReload: () => boolean): void {
  reloadForIsolation({
    isolated: window.crossOriginIsolated,
    storage: sessionStore(),
    canReload,
    reload: () => window.location.reload(),
  });
}

export async function enableOffline(
  datasetBytes: number,
  report: (status: OfflineStatus) => void,
  canReload: () => boolean = () => false,
): Promise<void> {
  if (!import.meta.env.PROD) {
    return report({ status: 'off', reason: 'Offline use is set up in the built app only.' });
  }
  if (!('serviceWorker' in navigator) || !window.isSecureContext) {
    return report({
      status: 'off',
      reason: 'This browser cannot keep Latent Lab for offline use.',
    });
  }
  report({ status: 'checking' });
  const needed = datasetBytes + APP_BYTES;
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (estimate?.quota !== undefined && estimate.usage !== undefined) {
    const free = estimate.quota - estimate.usage;
    if (free < needed) {
      return report({
        status: 'off',
        reason: `Offline use is off: it needs about ${megabytes(needed)} of storage and this browser offers ${megabytes(Math.max(0, free))}.`,
      });
    }
  }
  // Persistence is a request: browsers may say no (Chrome decides by site engagement).
  const persisted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
  try {
    const registration = await navigator.serviceWorker.register(
      new URL('sw.js', document.baseURI),
      { scope: './' },
    );
    await installed(registration);
    report({ status: 'ready', persisted });
    isolateOnce(canReload);
  } catch (error) {
    // Offline, the update check for sw.js fails, yet the installed copy still serves the app.
    const existing = await navigator.serviceWorker.getRegistration().catch(() => undefined);
    if (existing?.active) return report({ status: 'ready', persisted });
    report({
      status: 'failed',
      reason: `Offline use could not be set up (${error instanceof Error ? error.message : String(error)}). The app works online as usual.`,
    });
  }
}
