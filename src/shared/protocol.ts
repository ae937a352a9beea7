/**
 * Every message between the page and the training worker, as tagged unions both ways.
 * Messages about a run carry its runId so the page can drop stale ones from a stopped run.
 * Large arrays travel as transferables (see `transferablesOf`).
 */
import type { BackendName, TrainingConfig } from './config';

// ---------- page -> worker ----------

export type ToWorker =
  /**
   * Load the dataset (from `dataBaseUrl`, the folder that holds manifest.json), pick the backend
   * config.backend asks for, then build the model: answered with backend, data* and modelSummary.
   */
  | { type: 'init'; dataBaseUrl: string; config: TrainingConfig }
  /** After a data error: fetch what failed again. */
  | { type: 'retryData' }
  /** Fresh weights from config.seed; drops any run. Answered with modelSummary + reconstructions. */
  | { type: 'reset'; config: TrainingConfig }
  /** Start a new run from fresh weights; `paused` starts it paused (for Step before Train). */
  | { type: 'start'; runId: number; config: TrainingConfig; paused: boolean }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  /** Exactly one batch, while paused. */
  | { type: 'step'; runId: number }
  | { type: 'stop'; runId: number };

// ---------- worker -> page ----------

export type DataFault =
  | 'missing'
  | 'truncated'
  | 'checksum'
  | 'wrong-size'
  | 'manifest-missing'
  | 'manifest-malformed'
  | 'network'
  | 'unsupported';

export interface DatasetCredit {
  name: string;
  authors: string;
  license: string;
  licenseUrl: string;
  sourceUrl: string;
}

/** A few test digits with their labels, row-major 28x28 uint8 pixels, back to back. */
export interface DigitSamples {
  indices: number[];
  labels: number[];
  pixels: Uint8Array;
}

export interface LayerSummary {
  name: string;
  /** Keras style, e.g. "(None, 128)". */
  outputShape: string;
  activation: string;
  params: number;
}

export interface ModelSummary {
  layers: LayerSummary[];
  totalParams: number;
  inputSize: number;
  latentDim: number;
}

export type RunState = 'idle' | 'running' | 'paused' | 'done' | 'stopped';

export interface LossPoint {
  /** Global step, 1-based: the batch that produced this loss. */
  step: number;
  /** Fractional epoch at the end of that batch, e.g. 0.5 halfway through epoch 1. */
  epoch: number;
  loss: number;
}

export type FromWorker =
  | {
      type: 'dataProgress';
      loadedBytes: number;
      totalBytes: number;
      filesDone: number;
      filesTotal: number;
      currentFile: string;
    }
  | {
      type: 'dataReady';
      trainCount: number;
      testCount: number;
      totalBytes: number;
      /** SHA-256 (hex) of every decoded pixel of each split, in IDX order. */
      pixelDigests: { train: string; test: string };
      credit: DatasetCredit;
      /** Samples for the dataset strip. */
      samples: DigitSamples;
      /** The 10 fixed probe digits (one per class) whose reconstructions are shown. */
      probes: DigitSamples;
      loadMs: number;
    }
  | { type: 'dataError'; file: string; fault: DataFault; message: string; retryable: boolean }
  /** Which backend trains, and why it is not WebGL when it is not. */
  | { type: 'backend'; name: BackendName; reason: string | null }
  | { type: 'modelSummary'; summary: ModelSummary }
  | { type: 'runState'; runId: number; state: RunState }
  | {
      type: 'progress';
      runId: number;
      /** 1-based epoch in progress. */
      epoch: number;
      epochs: number;
      /** Global steps done so far. */
      step: number;
      stepsPerEpoch: number;
      totalSteps: number;
      /** New batch losses since the last progress message (a delta, not the history). */
      losses: LossPoint[];
      samplesPerSecond: number;
      /** Training time so far, pauses excluded. */
      elapsedMs: number;
    }
  | { type: 'epochEnd'; runId: number; epoch: number; trainLoss: number; valLoss: number }
  /** Reconstructions of the probes, 10 x 784 values in [0, 1]. runId is null before any run. */
  | { type: 'reconstructions'; runId: number | null; step: number; pixels: Float32Array }
  /** Something went wrong in the worker outside the data pipeline. */
  | { type: 'workerError'; message: string };

/** The buffers of a message that should be transferred rather than copied. */
export function transferablesOf(message: FromWorker): Transferable[] {
  switch (message.type) {
    case 'reconstructions':
      return [message.pixels.buffer as ArrayBuffer];
    case 'dataReady':
      return [
        message.samples.pixels.buffer as ArrayBuffer,
        message.probes.pixels.buffer as ArrayBuffer,
      ];
    default:
      return [];
  }
}
