/**
 * Cross-origin isolation from the service worker (issue 24). A static host that sends no
 * headers (GitHub Pages, a school's file server) leaves the page without SharedArrayBuffer, so
 * training runs on one thread. The service worker answers every request of the app anyway, so
 * it can add the two headers the host left out: a page loaded through it is isolated.
 * No imports: the service worker is one file.
 */

/** The two headers that make a page cross-origin isolated. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  // require-corp rather than credentialless: it works in every browser that isolates, and the
  // app loads nothing from other origins.
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The same response with the isolation headers set. Responses the worker cannot read (opaque
 * ones, from no-cors requests) are passed on as they are: their headers cannot be changed.
 */
export function withIsolation(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) {
    return response;
  }
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
