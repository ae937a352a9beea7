/**
 * What the page knows, and how each worker message changes it. Pure: no DOM, no React,
 * so the reducer can be tested on its own.
 */
import type { ConfigProblem, TrainingConfig, BackendName } from '../shared/config';
import type {
  DataFault,
  DatasetCredit,
  DigitSamples,
  FromWorker,
  LossPoint,
  ModelSummary,
  RunState,
} from '../shared/protocol';

export interface DataProgressState {
  loadedBytes: number;
  totalBytes: number;
  filesDone: number;
  filesTotal: number;
  currentFile: string;
}

export interface ReadyData {
  trainCount: number;
  testCount: number;
  totalBytes: number;
  pixelDigests: { train: string; test: string };
  credit: DatasetCredit;
  samples: DigitSamples;
  probes: DigitSamples;
  loadMs: number;
}

export type DataState =
  | { status: 'loading'; progress: DataProgressState | null }
  | { status: 'ready'; data: ReadyData }
  | { status: 'error'; file: string; fault: DataFault; message: string; retryable: boolean };

export interface EpochSummary {
  epoch: number;
  trainLoss: number;
  valLoss: number;
}

export interface RunProgress {
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  samplesPerSecond: number;
  elapsedMs: number;
}

export interface AppState {
  config: TrainingConfig;
  configProblems: ConfigProblem[];
  data: DataState;
  backend: { name: BackendName; reason: string | null } | null;
  summary: ModelSummary | null;
  /** The run the page is following; messages from any other run are dropped. */
  runId: number;
  runState: RunState;
  progress: RunProgress | null;
  /** Every batch loss of the current run, in order. Replaced (not mutated) when a run starts. */
  losses: LossPoint[];
  epochSummaries: EpochSummary[];
  reconstruction: { pixels: Float32Array; step: number } | null;
  /** A problem to show that is not about the data: a diverging run, a crashed worker. */
  runError: string | null;
}

export function initialState(config: TrainingConfig, configProblems: ConfigProblem[]): AppState {
  return {
    config,
    configProblems,
    data: { status: 'loading', progress: null },
    backend: null,
    summary: null,
    runId: 0,
    runState: 'idle',
    progress: null,
    losses: [],
    epochSummaries: [],
    reconstruction: null,
    runError: null,
  };
}

/** A new run (or a reset) starts from a clean slate: no losses, no epochs, no progress. */
export function beginRun(state: AppState, runId: number, runState: RunState): AppState {
  return {
    ...state,
    runId,
    runState,
    progress: null,
    losses: [],
    epochSummaries: [],
    runError: null,
  };
}

function isStale(state: AppState, runId: number | null): boolean {
  return runId !== null && runId !== state.runId;
}

export function applyWorkerMessage(state: AppState, message: FromWorker): AppState {
  switch (message.type) {
    case 'dataProgress': {
      const { type: _type, ...progress } = message;
      return { ...state, data: { status: 'loading', progress } };
    }
    case 'dataReady': {
      const { type: _type, ...data } = message;
      return { ...state, data: { status: 'ready', data } };
    }
    case 'dataError': {
      const { type: _type, ...error } = message;
      return { ...state, data: { status: 'error', ...error } };
    }
    case 'backend':
      return { ...state, backend: { name: message.name, reason: message.reason } };
    case 'modelSummary':
      return { ...state, summary: message.summary };
    case 'runState':
      if (isStale(state, message.runId)) return state;
      return { ...state, runState: message.state };
    case 'progress': {
      if (isStale(state, message.runId)) return state;
      const { type: _type, runId: _runId, losses, ...progress } = message;
      // Appending creates a new array so React sees the change; the chart only reads the tail.
      return {
        ...state,
        progress,
        losses: losses.length ? state.losses.concat(losses) : state.losses,
      };
    }
    case 'epochEnd': {
      if (isStale(state, message.runId)) return state;
      const { epoch, trainLoss, valLoss } = message;
      return { ...state, epochSummaries: [...state.epochSummaries, { epoch, trainLoss, valLoss }] };
    }
    case 'reconstructions':
      if (isStale(state, message.runId)) return state;
      return { ...state, reconstruction: { pixels: message.pixels, step: message.step } };
    case 'workerError':
      return { ...state, runError: message.message };
  }
}
