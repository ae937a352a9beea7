/**
 * One backend, one fresh browser context: page load to data ready, Train to first loss point,
 * 30 s of training in the real UI (long tasks, heap, tensors, throughput), then the in-worker
 * side-by-side timing of our loop against model.fit.
 */
import type { Browser, Page } from '@playwright/test';
import type { BenchmarkRequest, BenchmarkResult, Diagnostics } from '../../src/shared/bench';
import {
  instrument,
  pageHeapBytes,
  pageScripts,
  readBench,
  sendToWorker,
  waitForMessage,
  type BenchWindow,
} from './instrument';

export interface BackendFigures {
  asked: string;
  backend: string;
  reason: string | null;
  /** Page navigation start to the dataReady message (from the data worker): median of loads. */
  dataReadyMs: number;
  /**
   * Page navigation start to the first modelSummary (from the training worker: tfjs loaded,
   * backend started, model built), after which Train is enabled: median of loads.
   */
  trainReadyMs: number;
  /** Page navigation start to the page's Train button becoming enabled: median of loads. */
  trainEnabledMs: number;
  /** Every timed load's figures, each in a fresh browser context (see RunOptions.loads). */
  loads: LoadTimes[];
  /** The Train click to the first progress message that carries a loss. */
  firstLossMs: number;
  /** Real UI training: mean ms per step over the window, warm-up excluded. */
  uiMsPerStep: number;
  uiSteps: number;
  windowMs: number;
  longTasks: { count: number; maxMs: number; totalMs: number };
  heapStart: { page: number | null; worker: number | null };
  heapEnd: { page: number | null; worker: number | null };
  tensorsStart: Diagnostics['memory'];
  tensorsEnd: Diagnostics['memory'];
  bench: BenchmarkResult;
  /**
   * On wasm: the same in-worker timing forced onto one thread, taken right before `bench` (every
   * core) in the same page, so the two sit side by side. Null on the other backends.
   */
  oneThread: BenchmarkResult | null;
  /**
   * On wasm: the denoising and variational models timed on one thread in the same page, right
   * after `oneThread`, so each reads against the standard model's step (issue 25).
   */
  kinds: BenchmarkResult[];
  pageScripts: string[];
}

export interface RunOptions {
  url: string;
  windowMs: number;
  request: BenchmarkRequest;
  /**
   * Page loads of this backend timed beforehand (timeLoad), in a browser that has not trained
   * yet: load times vary a lot, so the figures are their medians.
   */
  loads: LoadTimes[];
}

export interface LoadTimes {
  dataReadyMs: number;
  trainReadyMs: number;
  trainEnabledMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One page load in a fresh context, timed to data ready and model ready. */
export async function timeLoad(browser: Browser, url: string, query: string): Promise<LoadTimes> {
  const context = await browser.newContext();
  try {
    const opened = await openApp(await context.newPage(), url, query);
    return {
      dataReadyMs: Math.round(opened.dataReadyAt),
      trainReadyMs: Math.round(opened.trainReadyAt),
      trainEnabledMs: Math.round(opened.trainEnabledAt),
    };
  } finally {
    await context.close();
  }
}

async function diagnose(page: Page): Promise<Diagnostics> {
  const { t } = await page.evaluate(() => ({ t: performance.now() }));
  await sendToWorker(page, { type: 'diagnostics' });
  return (await waitForMessage(page, 'diagnostics', { after: t })).diagnostics as Diagnostics;
}

/** Opens the app on `asked` and waits for data and model; null when that backend did not start. */
export async function openApp(
  page: Page,
  url: string,
  query: string,
): Promise<{
  backend: string;
  reason: string | null;
  probe: unknown;
  dataReadyAt: number;
  trainReadyAt: number;
  trainEnabledAt: number;
}> {
  await instrument(page);
  await page.goto(url + query);
  const backend = await waitForMessage(page, 'backend', { timeoutMs: 180_000 });
  const ready = await waitForMessage(page, 'dataReady', { timeoutMs: 180_000 });
  const summary = await waitForMessage(page, 'modelSummary', { timeoutMs: 180_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
  const enabled = await page.waitForFunction(
    () => (window as unknown as { __bench: BenchWindow }).__bench.trainEnabledAt,
    undefined,
    { timeout: 180_000, polling: 100 },
  );
  return {
    backend: String(backend.name),
    reason: (backend.reason as string | null) ?? null,
    probe: backend.probe ?? null,
    dataReadyAt: ready.t,
    trainReadyAt: summary.t,
    trainEnabledAt: Number(await enabled.jsonValue()),
  };
}

/** Our loop (and model.fit when asked) timed inside the worker. */
async function inWorkerBenchmark(page: Page, request: BenchmarkRequest): Promise<BenchmarkResult> {
  const after = await page.evaluate(() => performance.now());
  await sendToWorker(page, { type: 'benchmark', request });
  const result = await waitForMessage(page, 'benchmarkResult', { after, timeoutMs: 20 * 60_000 });
  return result.result as BenchmarkResult;
}

export async function measureBackend(
  browser: Browser,
  asked: 'webgl' | 'wasm' | 'cpu',
  options: RunOptions,
): Promise<BackendFigures | { asked: string; skipped: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const opened = await openApp(page, options.url, `?backend=${asked}`);
    if (opened.backend !== asked) {
      return { asked, skipped: `fell back to ${opened.backend}: ${opened.reason ?? ''}` };
    }
    const scripts = await pageScripts(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const firstLoss = await page.waitForFunction(
      () =>
        (
          window as unknown as {
            __bench: { log: { t: number; type: string; lossCount?: number }[] };
          }
        ).__bench.log.find((m) => m.type === 'progress' && (m.lossCount ?? 0) > 0) ?? null,
      null,
      { timeout: 300_000, polling: 50 },
    );
    const firstLossAt = ((await firstLoss.jsonValue()) as { t: number }).t;
    const startDiag = await diagnose(page);
    const heapStartPage = await pageHeapBytes(page);
    const windowStart = await page.evaluate(() => performance.now());
    await page.waitForTimeout(options.windowMs);
    const endDiag = await diagnose(page);
    const heapEndPage = await pageHeapBytes(page);
    const windowEnd = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await waitForMessage(page, 'runState', { after: windowEnd });

    const { log, longTasks, clicks } = await readBench(page);
    const inWindow = longTasks.filter((l) => l.start >= windowStart && l.start <= windowEnd);
    const progress = log.filter(
      (m) => m.type === 'progress' && m.t >= windowStart && m.t <= windowEnd,
    );
    const [first, last] = [progress[0], progress.at(-1)];
    const uiSteps = last && first ? Number(last.step) - Number(first.step) : 0;
    const uiMs = last && first ? Number(last.elapsedMs) - Number(first.elapsedMs) : 0;

    const single = { ...options.request, threads: '1' as const, fitBaseline: false };
    const oneThread =
      asked === 'wasm' ? await inWorkerBenchmark(page, { ...options.request, threads: '1' }) : null;
    const kinds: BenchmarkResult[] = [];
    if (asked === 'wasm') {
      for (const model of ['denoising', 'vae'] as const)
        kinds.push(await inWorkerBenchmark(page, { ...single, model }));
    }
    const result = await inWorkerBenchmark(page, options.request);
    // The session's own load counts only when no loads were timed beforehand.
    const own = {
      dataReadyMs: Math.round(opened.dataReadyAt),
      trainReadyMs: Math.round(opened.trainReadyAt),
      trainEnabledMs: Math.round(opened.trainEnabledAt),
    };
    const loads = options.loads.length ? options.loads : [own];
    return {
      asked,
      backend: opened.backend,
      reason: opened.reason,
      dataReadyMs: median(loads.map((load) => load.dataReadyMs)),
      trainReadyMs: median(loads.map((load) => load.trainReadyMs)),
      trainEnabledMs: median(loads.map((load) => load.trainEnabledMs)),
      loads,
      firstLossMs: Math.round(firstLossAt - (clicks.at(0) ?? firstLossAt)),
      uiMsPerStep: uiSteps > 0 ? uiMs / uiSteps : Number.NaN,
      uiSteps,
      windowMs: Math.round(windowEnd - windowStart),
      longTasks: {
        count: inWindow.length,
        maxMs: Math.round(Math.max(0, ...inWindow.map((l) => l.duration))),
        totalMs: Math.round(inWindow.reduce((s, l) => s + l.duration, 0)),
      },
      heapStart: { page: heapStartPage, worker: startDiag.heapBytes },
      heapEnd: { page: heapEndPage, worker: endDiag.heapBytes },
      tensorsStart: startDiag.memory,
      tensorsEnd: endDiag.memory,
      bench: result,
      oneThread,
      kinds,
      pageScripts: scripts,
    };
  } finally {
    await context.close();
  }
}
