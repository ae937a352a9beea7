/// <reference lib="webworker" />
/**
 * The offline service worker: on install it caches the whole app and the dataset (each data file
 * checked against its SHA-256 first) under a cache named for this deploy's version; on activate
 * it deletes every older version. Cached files are served first: they are one consistent
 * deploy, and a new deploy comes with a new sw.js, which the browser notices on its own.
 * Every answer carries the cross-origin isolation headers (isolation.ts), so the app can train
 * on several threads from hosts that send no headers.
 */
import { withIsolation } from './isolation';
import { CACHE_PREFIX, PRECACHE_GLOBAL, type Precache } from './precache';

declare const self: ServiceWorkerGlobalScope & { [PRECACHE_GLOBAL]?: Precache };

// The build plugin writes the list on the first line of sw.js (scripts/vite-plugin-offline.ts).
const PRECACHE: Precache | null = self[PRECACHE_GLOBAL] ?? null;

const cacheName = (precache: Precache) => `${CACHE_PREFIX}${precache.version}`;

async function sha256Hex(buffer: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function install(precache: Precache): Promise<void> {
  const cache = await caches.open(cacheName(precache));
  for (const entry of precache.files) {
    const url = new URL(entry.url, self.registration.scope).href;
    // no-cache: revalidate, so a file the page just downloaded costs a 304, not the bytes again.
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${entry.url}: HTTP ${response.status}`);
    if (entry.sha256) {
      const bytes = await response.clone().arrayBuffer();
      if ((await sha256Hex(bytes)) !== entry.sha256) throw new Error(`${entry.url}: checksum`);
    }
    await cache.put(url, response);
  }
}

self.addEventListener('install', (event) => {
  if (PRECACHE === null) return; // a build without a list: cache nothing
  // A half-filled cache is deleted so it is never mistaken for a complete one.
  event.waitUntil(
    install(PRECACHE)
      .catch(async (error: unknown) => {
        await caches.delete(cacheName(PRECACHE));
        throw error;
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  if (PRECACHE === null) return;
  const keep = cacheName(PRECACHE);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith(CACHE_PREFIX) && n !== keep)
            .map((n) => caches.delete(n)),
        ),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (PRECACHE === null || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  // A page link with settings (?epochs=3) is still the one page.
  const key =
    request.mode === 'navigate' ? new URL('index.html', scope).href : url.href.split('#')[0];
  event.respondWith(
    caches
      .open(cacheName(PRECACHE))
      .then((cache) => cache.match(key, { ignoreSearch: request.mode === 'navigate' }))
      .then((cached) => cached ?? fetch(request))
      .then(withIsolation),
  );
});
