/**
 * The worker's brain, without the worker: it takes each command from the page and answers
 * through `post`. training.worker.ts only wires it to onmessage, so tests can drive it directly.
 */
import type { BenchmarkRequest } from '../shared/bench';
import { DEFAULT_CONFIG, IMAGE_SIZE, type TrainingConfig } from '../shared/config';
import { transferablesOf, type FromWorker, type ToWorker } from '../shared/protocol';
import type { BackendDecision } from './backend';
import { diagnostics, runBenchmark } from './benchmark';
import { DataLoadError, type DataProgress, type MnistData } from './dataset';
import type { GpuGuard } from './contextLoss';
import { createGpuRecovery } from './gpuRecovery';
import { MODEL_MESSAGES, createModelOps, type ModelMessage } from './modelOps';
import { openModelStore, type ModelStore } from './modelStore';
import { firstIndices, firstOfEachClass, samplesAt } from './probes';
import { loadPretrained, type LoadedPretrained } from './pretrainedOps';
import type { Trainer, TrainerEvents } from './trainer';
import { answerPlayground, type LatestCodes } from './playground';

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
  /** Weights to start from instead of fresh ones, and the steps they were trained for. */
  model?: Trainer['network'];
  priorSteps?: number;
  stepsPerSecond?: number | null;
  /** GPU context loss (issue 9): is it lost now, and "it looks lost, recover". */
  gpuLost?: () => boolean;
  onGpuLost?: () => void;
}

export interface HandlerDeps {
  createLoader(baseUrl: string): DatasetLoader;
  selectBackend(choice: TrainingConfig['backend']): Promise<BackendDecision>;
  createTrainer(options: TrainerOptions): Trainer;
  /** Where saved models live; IndexedDB unless a test gives another. */
  openModelStore?: () => ModelStore;
  /** Watches the WebGL context and rebuilds a backend after a loss (issue 9). */
  createGpuGuard?: (onLost: () => void) => GpuGuard;
  /** Fetches the shipped pretrained model (tf.loadLayersModel in the worker). */
  loadPretrained?(baseUrl: string): Promise<LoadedPretrained>;
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

  let latestCodes: LatestCodes | null = null;

  /** Routes a trainer's events to the page, tagged with the run they belong to. */
  const eventsFor = (runId: number | null): TrainerEvents => ({
    progress: (progress) => runId !== null && send({ type: 'progress', runId, ...progress }),
    epochEnd: (end) => runId !== null && send({ type: 'epochEnd', runId, ...end }),
    reconstructions: (pixels, step, timeline) =>
      send({ type: 'reconstructions', runId, step, pixels, timeline }),
    latentCodes: (codes) => {
      // Kept (copied: the original is transferred) for the latent map's projectCodes.
      latestCodes = {
        runId,
        step: codes.step,
        latentDim: codes.latentDim,
        codes: codes.codes.slice(),
      };
      send({ type: 'latentCodes', runId, ...codes });
    },
    state: (state) => runId !== null && send({ type: 'runState', runId, state }),
    error: (message, kind) => send({ type: 'workerError', message, ...(kind && { kind }) }),
    rewound: (step) =>
      runId !== null &&
      send({ type: 'runRewind', runId, step, message: gpuRecovery?.rewindMessage(step) ?? '' }),
  });

  const gpu = deps.createGpuGuard?.(() => void gpuRecovery?.recover()) ?? null;

  /** The config the current trainer was built with (saved with its model). */
  let trainerConfig: TrainingConfig | null = null;

  /** Slow motion, kept here so every later trainer starts at the speed the page chose. */
  let stepsPerSecond: number | null = null;

  const buildTrainer = (
    config: TrainingConfig,
    runId: number | null,
    from?: { model: Trainer['network']; steps: number },
  ): Trainer | null => {
    if (!data || !probes) return null;
    return deps.createTrainer({
      config,
      train: { pixels: data.train.pixels, count: Math.min(config.trainSize, data.train.count) },
      test: { pixels: data.test.pixels, count: data.test.count },
      probes,
      events: eventsFor(runId),
      model: from?.model,
      priorSteps: from?.steps,
      stepsPerSecond,
      gpuLost: gpu ? gpu.isLost : undefined,
      onGpuLost: () => void gpuRecovery?.recover(),
    });
  };

  const freshTrainer = (
    config: TrainingConfig,
    runId: number | null,
    from?: { model: Trainer['network']; steps: number },
  ): Trainer | null => {
    if (!data || !probes) return null;
    trainer?.dispose();
    activeRunId = runId;
    trainerConfig = config;
    trainer = buildTrainer(config, runId, from);
    if (trainer) send({ type: 'modelSummary', summary: trainer.summary });
    return trainer;
  };

  const gpuRecovery =
    gpu &&
    createGpuRecovery({
      guard: gpu,
      send,
      current: () => trainer,
      rebuildFresh: () => {
        const fresh = trainerConfig && freshTrainer(trainerConfig, null);
        if (fresh)
          send({
            type: 'reconstructions',
            runId: null,
            step: 0,
            pixels: fresh.reconstructProbes(),
          });
      },
    });

  let modelStore: ModelStore | null = null;
  const modelOps = createModelOps({
    send,
    store: () => (modelStore ??= (deps.openModelStore ?? openModelStore)()),
    current: () => (trainer && trainerConfig ? { trainer, config: trainerConfig } : null),
    build: (config) => {
      const built = buildTrainer(config, null);
      if (!built) throw new Error('the digits are not loaded yet');
      return built;
    },
    adopt: async (next, config) => {
      trainer?.dispose();
      trainer = next;
      trainerConfig = config;
      activeRunId = null;
      send({ type: 'modelSummary', summary: next.summary });
      send({ type: 'reconstructions', runId: null, step: 0, pixels: next.reconstructProbes() });
      await next.encodeTestSet();
    },
  });

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
      test: { pixels: data.test.pixels.slice(), labels: data.test.labels.slice() },
      loadMs: Math.round(performance.now() - started),
    });
    return true;
  };

  /** Data and backend both ready: build the seeded model and show its untrained guesses. */
  const prepare = async (config: TrainingConfig) => {
    const [loaded] = await Promise.all([loadData(), backendReady]);
    if (!loaded) return;
    const fresh = freshTrainer(config, null);
    if (fresh) {
      send({ type: 'reconstructions', runId: null, step: 0, pixels: fresh.reconstructProbes() });
      // Untrained codes, so the latent views have something to show before any run.
      await fresh.encodeTestSet();
    }
  };

  /** Rebuilds the test images the page shows; always answers, so its requests never stall. */
  const reconstructTest = async (requestId: number, wanted: number[]) => {
    const test = data?.test;
    const indices = test
      ? wanted.filter((i) => Number.isInteger(i) && i >= 0 && i < test.count)
      : [];
    const current = trainer;
    if (!test || !current || indices.length === 0) {
      send({
        type: 'testReconstructions',
        requestId,
        step: 0,
        indices: [],
        pixels: new Float32Array(0),
      });
      return;
    }
    const pixels = await current.reconstructImages(samplesAt(test, indices).pixels);
    send({ type: 'testReconstructions', requestId, step: current.globalStep, indices, pixels });
  };

  let initConfig: TrainingConfig | null = null;

  /** "Train more": a new run that starts from the current weights instead of fresh ones. */
  const trainMore = (runId: number, config: TrainingConfig, paused: boolean) => {
    const current = trainer;
    const busy = current?.runState === 'running' || current?.runState === 'paused';
    const problem = !current
      ? 'there are no weights yet'
      : busy
        ? 'a run is still going'
        : current.cannotContinueWith(config);
    if (current === null || problem !== null) {
      send({ type: 'workerError', message: `Train more did not start: ${problem}.` });
      send({ type: 'runState', runId, state: 'stopped' });
      return;
    }
    const from = current.handOverModel();
    trainer = null;
    freshTrainer(config, runId, from)?.start(paused);
  };

  const pretrainedDeps = {
    send,
    load: (baseUrl: string) => {
      if (!deps.loadPretrained) throw new Error('this worker cannot load models');
      return deps.loadPretrained(baseUrl);
    },
    backendChoice: () => initConfig?.backend ?? DEFAULT_CONFIG.backend,
    probeCount: () => (data && probes ? probes.length / IMAGE_SIZE : null),
    busy: () => trainer?.runState === 'running' || trainer?.runState === 'paused',
    adopt: (model: Trainer['network'], config: TrainingConfig, steps: number) => {
      const adopted = freshTrainer(config, null, { model, steps });
      if (!adopted) throw new Error('the digits are not loaded yet');
      return adopted;
    },
  };

  /** Times our loop and model.fit side by side, on models of their own (see benchmark.ts). */
  const benchmark = async (request: BenchmarkRequest) => {
    await backendReady;
    if (!data) throw new Error('The benchmark needs the dataset: wait for dataReady.');
    if (trainer?.runState === 'running')
      throw new Error('Pause or stop the run before benchmarking.');
    // A stopped run may still be finishing work (loss reads, test-set codes): not ours to time.
    await trainer?.whenIdle();
    const config = initConfig ?? DEFAULT_CONFIG;
    const train = {
      pixels: data.train.pixels,
      count: Math.min(config.trainSize, data.train.count),
    };
    send({ type: 'benchmarkResult', result: await runBenchmark(config, train, request) });
  };

  const handle = async (message: ToWorker) => {
    if (MODEL_MESSAGES.has(message.type)) return modelOps(message as ModelMessage);
    switch (message.type) {
      case 'init': {
        initConfig = message.config;
        loader = deps.createLoader(message.dataBaseUrl);
        backendReady = deps.selectBackend(message.config.backend).then((decision) => {
          const { name, reason, probe } = decision;
          send({ type: 'backend', name, reason, probe });
          gpu?.watch();
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
        if (fresh) {
          send({
            type: 'reconstructions',
            runId: null,
            step: 0,
            pixels: fresh.reconstructProbes(),
          });
          await fresh.encodeTestSet();
        }
        return;
      }
      case 'encodeTestSet':
        await trainer?.encodeTestSet();
        return;
      case 'reconstructTest':
        await reconstructTest(message.requestId, message.indices);
        return;
      case 'decodeCodes':
      case 'encodeImages':
      case 'projectCodes':
        await answerPlayground(message, trainer?.network ?? null, latestCodes, send);
        return;
      case 'start':
        if (message.continueTraining) trainMore(message.runId, message.config, message.paused);
        else freshTrainer(message.config, message.runId)?.start(message.paused);
        return;
      case 'setSpeed':
        stepsPerSecond = message.stepsPerSecond;
        trainer?.setSpeed(stepsPerSecond);
        return;
      case 'loadPretrained':
        await loadPretrained(pretrainedDeps, message.runId, message.baseUrl);
        return;
      case 'benchmark':
        await benchmark(message.request);
        return;
      case 'diagnostics':
        send({ type: 'diagnostics', diagnostics: diagnostics() });
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
