/**
 * `--full`: the whole default run (10 epochs, 60,000 images, validation after each) in the real
 * UI, on the backend the app picks (or --backend), of the kind of model --model names (the
 * standard one by default), on the threads --threads asks for (the page's choice by default):
 * wall time, losses (a VAE's two terms too), and memory per epoch.
 */
import type { Browser } from '@playwright/test';
import type { Diagnostics } from '../../src/shared/bench';
import type { LossParts } from '../../src/shared/progress';
import { readBench, waitForMessage } from './instrument';
import { openApp } from './backendRun';

export interface EpochFigures {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** A VAE's two terms on the test set. */
  valParts?: LossParts;
  /** Seconds since the Train click when the epoch's validation loss arrived. */
  atS: number;
  memory: Diagnostics['memory'] | null;
  workerHeapBytes: number | null;
}

export interface FullFigures {
  backend: string;
  /** The kind of model trained: ae, denoising or vae. */
  model: string;
  reason: string | null;
  wallS: number;
  trainingS: number;
  steps: number;
  epochs: EpochFigures[];
  longTasks: number;
}

export async function fullRun(
  browser: Browser,
  url: string,
  backend: string,
  model = 'ae',
  threads = 'auto',
): Promise<FullFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const params = new URLSearchParams();
    if (backend !== 'auto') params.set('backend', backend);
    if (model !== 'ae') params.set('model', model);
    if (threads !== 'auto') params.set('threads', threads);
    const query = params.size ? `?${params.toString()}` : '';
    const opened = await openApp(page, url, query);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const timeoutMs = 60 * 60_000;
    let ended = await waitForMessage(page, 'runState', { timeoutMs });
    while (ended.state !== 'done' && ended.state !== 'stopped') {
      ended = await waitForMessage(page, 'runState', { after: ended.t, timeoutMs });
    }
    const done = ended.t;
    const { log, clicks, longTasks } = await readBench(page);
    const clickedAt = clicks[0] ?? 0;
    const diagnostics = log.filter((m) => m.type === 'diagnostics');
    const epochs = log
      .filter((m) => m.type === 'epochEnd')
      .map((m): EpochFigures => {
        const diag = diagnostics.find((d) => d.t > m.t)?.diagnostics as Diagnostics | undefined;
        return {
          epoch: Number(m.epoch),
          trainLoss: Number(m.trainLoss),
          valLoss: Number(m.valLoss),
          ...(m.valParts ? { valParts: m.valParts as LossParts } : {}),
          atS: (m.t - clickedAt) / 1000,
          memory: diag?.memory ?? null,
          workerHeapBytes: diag?.heapBytes ?? null,
        };
      });
    const last = log.filter((m) => m.type === 'progress').at(-1);
    return {
      backend: opened.backend,
      model,
      reason: opened.reason,
      wallS: (done - clickedAt) / 1000,
      trainingS: Number(last?.elapsedMs ?? 0) / 1000,
      steps: Number(last?.step ?? 0),
      epochs,
      longTasks: longTasks.filter((l) => l.start >= clickedAt && l.start <= done).length,
    };
  } finally {
    await context.close();
  }
}
