/**
 * What the page knows: the shape of the store's state, its first value, and the clean slate of
 * a new run. How each worker message changes it is workerMessage.ts. Pure: no DOM, no React.
 */
import type { ConfigProblem, TrainingConfig, BackendName } from '../../shared/config';
import type {
  DataFault,
  DataProgress,
  DatasetReady,
  LossParts,
  LossPoint,
  ModelSummary,
  RunProgress,
  RunState,
  TestSet,
} from '../../shared/protocol';
import type { BackendProbe } from '../../shared/bench';
import type { LatentStats } from '../../shared/latentStats';
import { initialLab, type LabState } from '../training/labState';
import { initialLatentView, type LatentViewState } from '../latent/latentView';
import { initialReliability, type ReliabilityState } from './reliabilityState';

/** The page keeps the worker's own shapes for download progress and the ready dataset. */
export type DataProgressState = DataProgress;
export type ReadyData = DatasetReady;

/** The latest latent codes of the whole test set, and which weights they came from. */
export interface LatentCodes {
  /** null: weights outside any run (untrained, after a reset). */
  runId: number | null;
  step: number;
  latentDim: number;
  /** testCount x latentDim. */
  codes: Float32Array;
  /** Per-image reconstruction loss. */
  losses: Float32Array;
  /** Per-digit statistics of these codes (worked out in the worker). */
  stats: LatentStats;
}

/** Rebuilds of the test images the per-digit view shows (the newest answer wins). */
export interface TestReconstruction {
  requestId: number;
  step: number;
  indices: number[];
  pixels: Float32Array;
}

export type DataState =
  | { status: 'loading'; progress: DataProgressState | null }
  | { status: 'ready'; data: ReadyData }
  | { status: 'error'; file: string; fault: DataFault; message: string; retryable: boolean };

export interface EpochSummary {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** A VAE's two terms of each loss (issue 25); absent for the other kinds. */
  trainParts?: LossParts;
  valParts?: LossParts;
}

/** The probes' rebuilds; `inputs` are a denoising run's damaged probes, which were rebuilt. */
export interface ShownReconstruction {
  pixels: Float32Array;
  step: number;
  inputs?: Float32Array;
}

export type { RunProgress };

/** Where the maths runs, why, and on how many threads (issue 24). */
export interface BackendInfo {
  name: BackendName;
  reason: string | null;
  probe: BackendProbe | null;
  threads: number;
  /** Why one thread where there could be more; null otherwise. */
  threadsReason: string | null;
}

export interface AppState {
  config: TrainingConfig;
  configProblems: ConfigProblem[];
  data: DataState;
  /**
   * The page's copy of the test split, for the latent and playground views. It arrives just
   * after the data is ready (TestSet says why), and only those views read it.
   */
  testSet: TestSet | null;
  backend: BackendInfo | null;
  summary: ModelSummary | null;
  /** The run the page is following; messages from any other run are dropped. */
  runId: number;
  runState: RunState;
  progress: RunProgress | null;
  /** Every batch loss of the current run, in order. Replaced (not mutated) when a run starts. */
  losses: LossPoint[];
  epochSummaries: EpochSummary[];
  reconstruction: ShownReconstruction | null;
  /** A problem to show that is not about the data: a diverging run, a crashed worker. */
  runError: string | null;
  latent: LatentCodes | null;
  testReconstruction: TestReconstruction | null;
  latentView: LatentViewState;
  /** Saved models, the offline cache, and which fault runError is about (issue 9). */
  reliability: ReliabilityState;
  /** Settings panel, timeline, compared runs, slow motion, pretrained model (issue 7). */
  lab: LabState;
}

export function initialState(config: TrainingConfig, configProblems: ConfigProblem[]): AppState {
  return {
    config,
    configProblems,
    data: { status: 'loading', progress: null },
    testSet: null,
    backend: null,
    summary: null,
    runId: 0,
    runState: 'idle',
    progress: null,
    losses: [],
    epochSummaries: [],
    reconstruction: null,
    runError: null,
    latent: null,
    testReconstruction: null,
    latentView: initialLatentView,
    reliability: initialReliability,
    lab: initialLab(config),
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
    reliability: { ...state.reliability, runErrorKind: null, notice: null },
  };
}
