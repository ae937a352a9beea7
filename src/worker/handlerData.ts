/**
 * Getting ready: load the digits, pick the backend, and build the first (seeded, untrained)
 * model so the views have something to show before any run. Also Reset, which does the same
 * with new settings.
 */
import type { TrainingConfig } from '../shared/config';
import type { ToWorker } from '../shared/protocol';
import { DataLoadError, type MnistData } from './dataset';
import { freshTrainer, sendFirstReconstructions, type HandlerContext } from './handlerContext';
import { firstIndices, firstOfEachClass, samplesAt } from './probes';

const SAMPLE_STRIP_LENGTH = 16;

/** Loads the digits and sends them (or why they did not load); true once they are in. */
async function loadData(ctx: HandlerContext): Promise<boolean> {
  const { loader, send } = ctx;
  if (!loader) return false;
  const started = performance.now();
  let data: MnistData;
  try {
    data = await loader.load((progress) => send({ type: 'dataProgress', ...progress }));
    ctx.data = data;
  } catch (error) {
    if (error instanceof DataLoadError) {
      send({
        type: 'dataError',
        file: error.file,
        fault: error.fault,
        message: error.message,
        retryable: error.retryable,
      });
    } else {
      send({
        type: 'dataError',
        file: 'the dataset',
        fault: 'network',
        message: String(error),
        retryable: true,
      });
    }
    return false;
  }
  const probeIndices = firstOfEachClass(data.test.labels);
  ctx.probes = samplesAt(data.test, probeIndices).pixels;
  send({
    type: 'dataReady',
    trainCount: data.train.count,
    testCount: data.test.count,
    totalBytes: data.totalBytes,
    pixelDigests: data.pixelDigests,
    credit: data.credit,
    samples: samplesAt(data.test, firstIndices(SAMPLE_STRIP_LENGTH, data.test.count)),
    probes: samplesAt(data.test, probeIndices),
    test: { pixels: data.test.pixels.slice(), labels: data.test.labels.slice() },
    loadMs: Math.round(performance.now() - started),
  });
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

/** Data and backend both ready: build the seeded model and show its untrained guesses. */
async function prepare(ctx: HandlerContext, config: TrainingConfig): Promise<void> {
  const [loaded] = await Promise.all([loadData(ctx), ctx.backendReady]);
  if (!loaded) return;
  await showFreshModel(ctx, config);
}

export type DataMessage = Extract<ToWorker, { type: 'init' | 'retryData' | 'reset' }>;

export async function handleDataMessage(ctx: HandlerContext, message: DataMessage): Promise<void> {
  switch (message.type) {
    case 'init': {
      ctx.initConfig = message.config;
      ctx.loader = ctx.deps.createLoader(message.dataBaseUrl);
      ctx.backendReady = ctx.deps.selectBackend(message.config.backend).then((decision) => {
        const { name, reason, probe } = decision;
        ctx.send({ type: 'backend', name, reason, probe });
        ctx.gpu?.watch();
        return decision;
      });
      await prepare(ctx, message.config);
      return;
    }
    case 'retryData':
      if (ctx.initConfig) await prepare(ctx, ctx.initConfig);
      return;
    case 'reset':
      await showFreshModel(ctx, message.config);
      return;
  }
}
