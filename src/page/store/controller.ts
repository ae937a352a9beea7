/**
 * The page's verbs (train, pause, step...) translated into worker commands, with the store
 * kept in step. Components call these; they never see the worker.
 */
import {
  dataBaseUrl,
  spawnWorkers,
  supportsModuleWorkers,
  type DataWorkerStart,
  type WorkerClient,
} from '../client/workerClient';
import { beginRun, type AppState } from './appState';
import { reduce, resetLab, startLabRun } from '../training/lab';
import { createLabActions, type LabActions } from '../training/labActions';
import { searchFromConfig } from '../../shared/settings';
import type { ModelActions } from '../models/modelActions';
import { workerCrashed } from './reliability';
import { createReliabilityHooks } from './reliabilityHooks';
import { latestOnly } from './latestOnly';
import { createPlayground, type Playground } from '../playground/playground';
import type { Store } from './store';

export interface Controller {
  train(): void;
  pause(): void;
  resume(): void;
  step(): void;
  stop(): void;
  reset(): void;
  retryData(): void;
  /** Encode the whole test set with the current weights; the latent views update on arrival. */
  encodeTestSet(): void;
  /** Rebuild these test images; while one request is out, only the newest waits. */
  reconstructTest(indices: number[]): void;
  /** Saved models: save, list, load, delete, export, import (issue 9). */
  models: ModelActions;
  /** After a crash: a new worker, loading the digits again (the chart stays). */
  restartWorker(): void;
  /** Settings, timeline, compared runs, slow motion, pretrained model (issue 7). */
  lab: LabActions;
  /** The latent playground: edit a code, draw, interpolate, map (issue 5). */
  playground: Playground;
  dispose(): void;
}

/**
 * `dataWorker`: one already started by the page's script (main.tsx), so the download began
 * before the page rendered. The first engine takes it over; a restarted one starts its own.
 */
export function createController(
  store: Store<AppState>,
  dataWorker?: DataWorkerStart | null,
): Controller {
  let earlyDataWorker = dataWorker ?? undefined;
  let nextRunId = 1;
  let client: WorkerClient | null = null;
  let nextRequestId = 1;
  const testRebuilds = latestOnly<number[]>((indices) =>
    client?.send({ type: 'reconstructTest', requestId: nextRequestId++, indices }),
  );

  const reliability = createReliabilityHooks(store, (message) => client?.send(message));
  const playground = createPlayground(store, (message) => client?.send(message));

  function spawn(): void {
    // A new worker has no rebuild request in flight; an old one's answer will never come.
    testRebuilds.reset();
    playground.restarted();
    const worker = spawnWorkers(
      (message) => {
        if (message.type === 'testReconstructions') testRebuilds.settled();
        reliability.onMessage(message);
        playground.onMessage(message);
        // The model's summary is what enables Train: shown at once, not in a transition that
        // the reconstructions and codes arriving right behind it would keep restarting
        // (that held the button back ~0.3 s). The update itself is small.
        const timing = message.type === 'modelSummary' ? 'now' : undefined;
        store.setState((s) => reduce(s, message), timing);
      },
      (reason) => {
        // After an uncaught error the worker's state is unknown: end it, keep what the page shows.
        worker.terminate();
        if (client === worker) client = null;
        store.setState((s) => workerCrashed(s, reason));
      },
      dataBaseUrl(),
      earlyDataWorker,
    );
    earlyDataWorker = undefined;
    client = worker;
    const { config } = store.getState();
    worker.send({ type: 'init', dataBaseUrl: dataBaseUrl(), config });
    const { speed } = store.getState().lab;
    if (speed !== null) worker.send({ type: 'setSpeed', stepsPerSecond: speed });
  }

  const unsupported = (message: string) =>
    store.setState((s) => ({
      ...s,
      data: {
        status: 'error',
        file: 'this browser',
        fault: 'unsupported',
        message,
        retryable: false,
      },
    }));

  if (!supportsModuleWorkers()) {
    unsupported(
      'This browser cannot run module Web Workers, which Latent Lab trains in. ' +
        'Please open it in a current Chrome, Edge, Firefox (114+) or Safari (15+).',
    );
  } else {
    spawn();
  }

  const runId = () => store.getState().runId;

  const startRun = (paused: boolean) => {
    const id = nextRunId++;
    store.setState((s) => startLabRun(s, id, paused));
    const { config, lab } = store.getState();
    const continueTraining = lab.run?.from !== null;
    client?.send({ type: 'start', runId: id, config, paused, continueTraining });
    // The link now reproduces this run's settings (reload or share it).
    window.history.replaceState(null, '', searchFromConfig(config) || window.location.pathname);
    return id;
  };

  return {
    train: () => startRun(false),
    pause: () => client?.send({ type: 'pause', runId: runId() }),
    resume: () => client?.send({ type: 'resume', runId: runId() }),
    step() {
      const id = store.getState().runState === 'paused' ? runId() : startRun(true);
      client?.send({ type: 'step', runId: id });
    },
    stop: () => client?.send({ type: 'stop', runId: runId() }),
    reset() {
      const id = nextRunId++;
      store.setState((s) => resetLab({ ...beginRun(s, id, 'idle'), reconstruction: null }));
      client?.send({ type: 'reset', config: store.getState().config });
    },
    retryData() {
      store.setState((s) => ({ ...s, data: { status: 'loading', progress: null } }));
      client?.send({ type: 'retryData' });
    },
    encodeTestSet: () => client?.send({ type: 'encodeTestSet' }),
    reconstructTest: (indices) => testRebuilds.request(indices),
    models: reliability.models,
    playground,
    lab: createLabActions(
      store,
      (message) => client?.send(message),
      () => nextRunId++,
    ),
    restartWorker() {
      if (client) return;
      // The new worker loads the digits again (from the cache): Train waits for it.
      store.setState((s) => ({
        ...s,
        data: { status: 'loading', progress: null },
        summary: null,
        runError: null,
        reliability: { ...s.reliability, runErrorKind: null },
      }));
      spawn();
    },
    dispose: () => client?.terminate(),
  };
}
