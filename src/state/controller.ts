/**
 * The page's verbs (train, pause, step...) translated into worker commands, with the store
 * kept in step. Components call these; they never see the worker.
 */
import {
  spawnTrainingWorker,
  supportsModuleWorkers,
  type WorkerClient,
} from '../client/workerClient';
import { applyWorkerMessage, beginRun, type AppState } from './appState';
import type { Store } from './store';

export interface Controller {
  train(): void;
  pause(): void;
  resume(): void;
  step(): void;
  stop(): void;
  reset(): void;
  retryData(): void;
  dispose(): void;
}

/** Where the sprite sheets live, relative to the page so any sub-path deploy works. */
function dataBaseUrl(): string {
  return new URL('data/mnist/', document.baseURI).href;
}

export function createController(store: Store<AppState>): Controller {
  let nextRunId = 1;
  let client: WorkerClient | null = null;

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
    client = spawnTrainingWorker(
      (message) => store.setState((s) => applyWorkerMessage(s, message)),
      (reason) =>
        store.setState((s) => ({
          ...s,
          runState: s.runState === 'running' || s.runState === 'paused' ? 'stopped' : s.runState,
          runError: `The training worker crashed (${reason}). Reload the page to start again.`,
        })),
    );
    const { config } = store.getState();
    client.send({ type: 'init', dataBaseUrl: dataBaseUrl(), config });
  }

  const runId = () => store.getState().runId;

  const startRun = (paused: boolean) => {
    const id = nextRunId++;
    store.setState((s) => beginRun(s, id, paused ? 'paused' : 'running'));
    client?.send({ type: 'start', runId: id, config: store.getState().config, paused });
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
      store.setState((s) => ({ ...beginRun(s, id, 'idle'), reconstruction: null }));
      client?.send({ type: 'reset', config: store.getState().config });
    },
    retryData() {
      store.setState((s) => ({ ...s, data: { status: 'loading', progress: null } }));
      client?.send({ type: 'retryData' });
    },
    dispose: () => client?.terminate(),
  };
}
