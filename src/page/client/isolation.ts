/**
 * The one reload that makes a page from a header-less host cross-origin isolated (issue 24). The
 * service worker adds the isolation headers to what it serves (src/sw/isolation.ts), but the
 * first visit's page came from the network before the worker existed: only loading it again,
 * through the worker, isolates it. That reload happens at most once per tab (sessionStorage
 * remembers it), so a browser that ignores the headers never loops, and only while nothing has
 * been trained yet, so nobody loses a run.
 */

const RELOADED_KEY = 'latent-lab-isolation-reload';

export interface IsolationReloadDeps {
  isolated: boolean;
  /** sessionStorage, or null where it cannot be used (then no reload: it could not be guarded). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** False once the student has started something a reload would throw away. */
  canReload(): boolean;
  reload(): void;
}

/** Reloads the page once to pick up the service worker's headers; true when it did. */
export function reloadForIsolation(deps: IsolationReloadDeps): boolean {
  if (deps.isolated || deps.storage === null || !deps.canReload()) return false;
  try {
    if (deps.storage.getItem(RELOADED_KEY) !== null) return false;
    deps.storage.setItem(RELOADED_KEY, String(Date.now()));
  } catch {
    return false;
  }
  deps.reload();
  return true;
}

/** sessionStorage when the browser lets this page use it (private modes may throw). */
export function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
