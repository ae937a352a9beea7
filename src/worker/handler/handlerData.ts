/**
 * Getting ready: load the digits, pick the backend, and build the first (seeded, untrained)
 * model so the views have something to show before any run. Also Reset, which does the same
 * with new settings.
 */
import type { TrainingConfig } from '../../shared/config';
import type { ToWorker } from '../../shared/protocol';
import type { MnistData } from '../data/dataset';
import {
  dataErrorMessage,
  dataReadyMessage,
  probePixels,
  testSetMessage,
} from '../data/dataMessages';
import { handedOffLoader } from '../data/datasetHandoff';
import { freshTrainer, sendFirstReconstructions, type HandlerContext } from './handlerContext';

/** Waits for the digits (and tells the page about them, unless the loader does); true once in. */
async function loadData(ctx: HandlerContext): Promise<boolean> {
  const { loader, send } = ctx;
  if (!loader) return false;
  const tellPage = !loader.reportsToPage;
  const started = performance.now();
  let data: MnistData;
  try {
    data = await loader.load((progress) => {
      if (tellPage) send({ type: 'dataProgress', ...progress });
    });
  } catch (error) {
    if (tellPage) send(dataErrorMessage(error));
    return false;
  }
  ctx.data = data;
  ctx.probes = probePixels(data.test);
  if (tellPage) {
    send(dataReadyMessage(data, performance.now() - started));
    send(testSetMessage(data));
  }
  return true;
}

/** A fresh seeded model for `config`: its guesses and its (untrained) codes go to the page. */
async function showFreshModel(ctx: HandlerContext, config: TrainingConfig): Promise<void> {
  const fresh = freshTrainer(ctx, config, null);
  if (fresh) {
    sendFirstReconstructions(ctx, fresh);
    // Untrained codes, so the latent views have something to show before any run.
    await fresh.encodeTestSet();
  }
}

/**
 * Data and backend both ready: build the seeded model and show its untrained guesses. The
 * network itself needs no data, so it is built as soon as the backend is up, while the digits
 * are still on their way, instead of after them (spareModel.ts).
 */
async function prepare(ctx: HandlerContext, config: TrainingConfig): Promise<void> {
  const network = ctx.backendReady?.then(() => ctx.spare.prepare(config));
  const [loaded] = await Promise.all([loadData(ctx), network]);
  if (!loaded) return;
  await showFreshModel(ctx, config);
}

export type DataMessage = Extract<ToWorker, { type: 'init' | 'retryData' | 'reset' }>;

export async function handleDataMessage(ctx: HandlerContext, message: DataMessage): Promise<void> {
  switch (message.type) {
    case 'init': {
      ctx.initConfig = message.config;
      // The page's client sends a port to the data worker, which loads the digits beside us;
      // without one (tests, other hosts) this worker loads them itself.
      ctx.loader = message.dataPort
        ? handedOffLoader(message.dataPort)
        : ctx.deps.createLoader(message.dataBaseUrl);
      const { backend, threads: threadChoice } = message.config;
      ctx.backendReady = ctx.deps.selectBackend(backend, threadChoice).then((decision) => {
        const { name, reason, probe } = decision;
        const threads = decision.threads ?? { threads: 1, reason: null };
        ctx.send({
          type: 'backend',
          name,
          reason,
          probe,
          threads: threads.threads,
          threadsReason: threads.reason,
        });
        ctx.gpu?.watch();
        return decision;
      });
      ctx.backendReady.then(
        () => (ctx.backendSettled = true),
        () => (ctx.backendSettled = true),
      );
      await prepare(ctx, message.config);
      return;
    }
    case 'retryData':
      // With the data worker the page sends Retry there; the first prepare() still waits.
      if (ctx.initConfig && !ctx.loader?.reportsToPage) await prepare(ctx, ctx.initConfig);
      return;
    case 'reset':
      await showFreshModel(ctx, message.config);
      return;
  }
}
