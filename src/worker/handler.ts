/**
 * The worker's brain, without the worker: it takes each command from the page and answers
 * through `post`. training.worker.ts only wires it to onmessage, so tests can drive it directly.
 */
import type { TrainingConfig } from '../shared/config';
import { transferablesOf, type FromWorker, type ToWorker } from '../shared/protocol';
import type { BackendDecision } from './backend';
import { DataLoadError, type DataProgress, type MnistData } from './dataset';
import { firstIndices, firstOfEachClass, samplesAt } from './probes';
import type { Trainer, TrainerEvents } from './trainer';

export type Post = (message: FromWorker, transfer: Transferable[]) => void;

interface DatasetLoader {
  load(onProgress: (progress: DataProgress) => void): Promise<MnistData>;
}

export interface TrainerOptions {
  config: TrainingConfig;
  train: { pixels: Uint8Array; count: number };
  test: { pixels: Uint8Array; count: number };
  probes: Uint8Array;
  events: TrainerEvents;
}

export interface HandlerDeps {
  createLoader(baseUrl: string): DatasetLoader;
  selectBackend(choice: TrainingConfig['backend']): Promise<BackendDecision>;
  createTrainer(options: TrainerOptions): Trainer;
}

const SAMPLE_STRIP_LENGTH = 16;

export function createMessageHandler(post: Post, deps: HandlerDeps): (message: ToWorker) => void {
  const send = (message: FromWorker) => post(message, transferablesOf(message));

  let loader: DatasetLoader | null = null;
  let data: MnistData | null = null;
  let probes: Uint8Array | null = null;
  let backendReady: Promise<BackendDecision> | null = null;
  let trainer: Trainer | null = null;
  let activeRunId: number | null = null;

  /** Routes a trainer's events to the page, tagged with the run they belong to. */
  const eventsFor = (runId: number | null): TrainerEvents => ({
    progress: (progress) => runId !== null && send({ type: 'progress', runId, ...progress }),
    epochEnd: (end) => runId !== null && send({ type: 'epochEnd', runId, ...end }),
    reconstructions: (pixels, step) => send({ type: 'reconstructions', runId, step, pixels }),
    state: (state) => runId !== null && send({ type: 'runState', runId, state }),
    error: (message) => send({ type: 'workerError', message }),
  });

  const freshTrainer = (config: TrainingConfig, runId: number | null): Trainer | null => {
    if (!data || !probes) return null;
    trainer?.dispose();
    activeRunId = runId;
    trainer = deps.createTrainer({
      config,
      train: { pixels: data.train.pixels, count: Math.min(config.trainSize, data.train.count) },
      test: { pixels: data.test.pixels, count: data.test.count },
      probes,
      events: eventsFor(runId),
    });
    send({ type: 'modelSummary', summary: trainer.summary });
    return trainer;
  };

  const loadData = async () => {
    if (!loader) return;
    const started = performance.now();
    try {
      data = await loader.load((progress) => send({ type: 'dataProgress', ...progress }));
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
    probes = samplesAt(data.test, probeIndices).pixels;
    send({
      type: 'dataReady',
      trainCount: data.train.count,
      testCount: data.test.count,
      totalBytes: data.totalBytes,
      pixelDigests: data.pixelDigests,
      credit: data.credit,
      samples: samplesAt(data.test, firstIndices(SAMPLE_STRIP_LENGTH, data.test.count)),
      probes: samplesAt(data.test, probeIndices),
      loadMs: Math.round(performance.now() - started),
    });
    return true;
  };

  /** Data and backend both ready: build the seeded model and show its untrained guesses. */
  const prepare = async (config: TrainingConfig) => {
    const [loaded] = await Promise.all([loadData(), backendReady]);
    if (!loaded) return;
    const fresh = freshTrainer(config, null);
    if (fresh)
      send({ type: 'reconstructions', runId: null, step: 0, pixels: fresh.reconstructProbes() });
  };

  let initConfig: TrainingConfig | null = null;

  const handle = async (message: ToWorker) => {
    switch (message.type) {
      case 'init': {
        initConfig = message.config;
        loader = deps.createLoader(message.dataBaseUrl);
        backendReady = deps.selectBackend(message.config.backend).then((decision) => {
          send({ type: 'backend', name: decision.name, reason: decision.reason });
          return decision;
        });
        await prepare(message.config);
        return;
      }
      case 'retryData':
        if (initConfig) await prepare(initConfig);
        return;
      case 'reset': {
        const fresh = freshTrainer(message.config, null);
        if (fresh)
          send({
            type: 'reconstructions',
            runId: null,
            step: 0,
            pixels: fresh.reconstructProbes(),
          });
        return;
      }
      case 'start':
        freshTrainer(message.config, message.runId)?.start(message.paused);
        return;
      case 'pause':
      case 'resume':
      case 'step':
      case 'stop':
        if (!trainer || message.runId !== activeRunId) return; // a stale command
        await trainer[message.type]();
        return;
    }
  };

  return (message) => {
    handle(message).catch((error: unknown) => {
      send({
        type: 'workerError',
        message: error instanceof Error ? error.message : String(error),
      });
    });
  };
}
