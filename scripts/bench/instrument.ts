/**
 * What the benchmark installs in the page before any of the app's scripts run: a log of every
 * message from the app's two workers (big arrays dropped), main-thread long tasks via
 * PerformanceObserver, the time of each click and of Train becoming enabled, and a handle on the
 * training worker so the bench can send it commands. The app itself is not changed: the Worker
 * constructor is wrapped from outside.
 */
import type { Page } from '@playwright/test';

export interface LogEntry {
  /** performance.now() on the page when the message arrived (0 = navigation start). */
  t: number;
  type: string;
  [field: string]: unknown;
}

export interface BenchWindow {
  log: LogEntry[];
  longTasks: { start: number; duration: number }[];
  clicks: number[];
  worker: Worker | null;
  /** When the page's Train button first became enabled (what a user waits for), or null. */
  trainEnabledAt: number | null;
}

/** Runs in the page: keep it free of imports and outer variables. */
function install(): void {
  const bench: BenchWindow = {
    log: [],
    longTasks: [],
    clicks: [],
    worker: null,
    trainEnabledAt: null,
  };
  Object.assign(window, { __bench: bench });
  const watchTrain = new MutationObserver(() => {
    const train = [...document.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Train' && !button.disabled,
    );
    if (!train) return;
    bench.trainEnabledAt = performance.now();
    watchTrain.disconnect();
  });
  // Only added nodes and `disabled` changes: this runs on the page whose load is being timed.
  watchTrain.observe(document, {
    subtree: true,
    childList: true,
    attributeFilter: ['disabled'],
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('click', () => bench.clicks.push(performance.now()), true);
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      // The data worker reports the download (dataProgress, dataReady); the training worker
      // everything else, and it is the one the bench sends its commands to.
      if (options?.name === 'latent-lab-training') bench.worker = this;
      else if (options?.name !== 'latent-lab-data') return;
      this.addEventListener('message', (event: MessageEvent<Record<string, unknown>>) => {
        const entry: LogEntry = { t: performance.now(), type: String(event.data.type) };
        for (const [key, value] of Object.entries(event.data)) {
          if (ArrayBuffer.isView(value)) continue;
          if (key === 'losses' && Array.isArray(value)) entry.lossCount = value.length;
          else if (key !== 'samples' && key !== 'probes' && key !== 'test') entry[key] = value;
        }
        bench.log.push(entry);
        // Memory at every epoch's end, for the "flat across epochs" check of --full.
        if (entry.type === 'epochEnd') this.postMessage({ type: 'diagnostics' });
      });
    }
  };
}

export async function instrument(page: Page): Promise<void> {
  await page.addInitScript(install);
}

export function readLog(page: Page): Promise<LogEntry[]> {
  return page.evaluate(() => (window as unknown as { __bench: BenchWindow }).__bench.log);
}

export function readBench(page: Page): Promise<Pick<BenchWindow, 'log' | 'longTasks' | 'clicks'>> {
  return page.evaluate(() => {
    const { log, longTasks, clicks } = (window as unknown as { __bench: BenchWindow }).__bench;
    return { log, longTasks, clicks };
  });
}

/** Posts a command to the training worker, as the page's own client would. */
export async function sendToWorker(page: Page, message: object): Promise<void> {
  await page.evaluate((m) => {
    const worker = (window as unknown as { __bench: BenchWindow }).__bench.worker;
    if (!worker) throw new Error('the training worker has not started');
    worker.postMessage(m);
  }, message);
}

/** Waits for the first message of `type` that arrived after page time `after`, and returns it. */
export async function waitForMessage(
  page: Page,
  type: string,
  options: { after?: number; timeoutMs?: number } = {},
): Promise<LogEntry> {
  const { after = -1, timeoutMs = 120_000 } = options;
  const handle = await page.waitForFunction(
    ([t, since]) =>
      (window as unknown as { __bench: BenchWindow }).__bench.log.find(
        (m) => m.type === t && m.t > since,
      ) ?? null,
    [type, after] as const,
    { timeout: timeoutMs, polling: 250 },
  );
  return (await handle.jsonValue()) as LogEntry;
}

/** The page's JS heap (Chrome; precise with --enable-precise-memory-info), or null. */
export function pageHeapBytes(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return memory ? memory.usedJSHeapSize : null;
  });
}

/** Resource URLs of the page's own JavaScript so far (the worker's fetches are not listed). */
export function pageScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => new URL(name).pathname.endsWith('.js')),
  );
}
