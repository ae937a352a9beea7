/**
 * Every message between the page and the training worker, as tagged unions both ways.
 * Messages about a run carry its runId so the page can drop stale ones from a stopped run.
 * Large arrays travel as transferables (see `transferablesOf`).
 */
import type { BackendName, TrainingConfig } from './config';
import type { PretrainedHistory, PretrainedInfo, TimelineFrame } from './pretrained';
import type { ModelHistory, SavedModelInfo, SavedModelMeta } from './savedModel';
import type { BackendProbe, BenchmarkRequest, BenchmarkResult, Diagnostics } from './bench';
import type { DataProgress, DatasetReady, LossParts, ProgressReport, TestSet } from './progress';
import type { LatentStats } from './latentStats';

export type {
  DataProgress,
  DatasetCredit,
  DigitSamples,
  LossParts,
  LossPoint,
  DatasetReady,
  ProgressReport,
  RunProgress,
  SheetDigest,
  TestSet,
} from './progress';

// ---------- page -> data worker ----------

/** The data worker answers with the dataProgress, dataReady and dataError of FromWorker. */
export type ToDataWorker =
  /** Load from `dataBaseUrl` (the folder of manifest.json); hand over on `trainingPort`. */
  | { type: 'load'; dataBaseUrl: string; trainingPort: MessagePort }
  /** After a data error: fetch what failed again. */
  | { type: 'retryData' };

// ---------- page -> worker ----------

export type ToWorker =
  /**
   * Load the dataset (from `dataBaseUrl`, the folder that holds manifest.json), pick the backend
   * config.backend asks for, then build the model: answered with backend, data* and modelSummary.
   */
  | {
      type: 'init';
      dataBaseUrl: string;
      config: TrainingConfig;
      /**
       * Where the data worker hands over the digits (the page's client adds it). Without it
       * the training worker loads them from dataBaseUrl itself.
       */
      dataPort?: MessagePort;
    }
  /** After a data error: fetch what failed again. */
  | { type: 'retryData' }
  /** Fresh weights from config.seed; drops any run. Answered with modelSummary + reconstructions. */
  | { type: 'reset'; config: TrainingConfig }
  /** Start a new run from fresh weights; `paused` starts it paused (for Step before Train). */
  /**
   * Start a new run: from fresh weights, or (`continueTraining`, "Train more") from the current
   * weights, which must have the config's shape. `paused` starts it paused (Step before Train).
   */
  | {
      type: 'start';
      runId: number;
      config: TrainingConfig;
      paused: boolean;
      continueTraining?: boolean;
    }
  /**
   * Load the pretrained model from `baseUrl` (the folder of model.json, relative to the page) in
   * place of the current weights. Answered with pretrainedLoaded, then pretrainedChecked.
   */
  | { type: 'loadPretrained'; runId: number; baseUrl: string }
  /** Slow motion for this and later runs: at most this many steps a second; null = full speed. */
  | { type: 'setSpeed'; stepsPerSecond: number | null }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  /** Exactly one batch, while paused. */
  | { type: 'step'; runId: number }
  | { type: 'stop'; runId: number }
  /** Measure per-step times in the worker (npm run bench); send while no run is active. */
  | { type: 'benchmark'; request: BenchmarkRequest }
  /** tf.memory() and the worker's heap, now: answered with diagnostics. */
  | { type: 'diagnostics' }
  /** Encode all test images now with the current weights: answered with latentCodes. */
  | { type: 'encodeTestSet' }
  /** Rebuild these test images with the current weights: answered with testReconstructions. */
  | { type: 'reconstructTest'; requestId: number; indices: number[] }
  /** Playground (issue 5): decode made-up codes (count x latentDim): answered with decodedImages. */
  | { type: 'decodeCodes'; requestId: number; codes: Float32Array }
  /** Playground: encode images (count x 784, in [0, 1]): answered with encodedImages. */
  | { type: 'encodeImages'; requestId: number; pixels: Float32Array }
  /** Latent map: PCA of the newest test codes, answered with latentMap. */
  | { type: 'projectCodes' }
  /** Saved models (issue 9): save the current weights to the browser, with the page's history. */
  | { type: 'saveModel'; name: string; history: ModelHistory }
  | { type: 'listModels' }
  /** Replace the current model (and config) with a saved one; refused while a run is active. */
  | { type: 'loadModel'; id: string }
  | { type: 'deleteModel'; id: string }
  /** Answered with modelExport: the tfjs Layers files, for the page to offer as downloads. */
  | { type: 'exportModel'; history: ModelHistory }
  /** Files the user picked; checked in full before the current model is touched. */
  | { type: 'importModel'; json: string; weights: ArrayBuffer };

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

export type FromWorker =
  | ({ type: 'dataProgress' } & DataProgress)
  | ({ type: 'dataReady' } & DatasetReady)
  | { type: 'testSet'; test: TestSet }
  | { type: 'dataError'; file: string; fault: DataFault; message: string; retryable: boolean }
  /** Saved models (issue 9): the browser's list, newest first. */
  | { type: 'savedModels'; models: SavedModelInfo[] }
  /** A model was loaded from the browser or from files: it replaces config, weights and history. */
  | { type: 'modelLoaded'; meta: SavedModelMeta; history: ModelHistory; source: 'browser' | 'file' }
  | { type: 'modelSaved'; info: SavedModelInfo }
  | { type: 'modelExport'; fileBase: string; json: string; weights: ArrayBuffer }
  /** A save, load, import... failed; nothing changed. `storageFull`: offer Export instead. */
  | { type: 'modelError'; message: string; storageFull: boolean }
  /**
   * The GPU lost its context (issue 9): the run went back to its checkpoint at `step`; losses
   * after it are dropped and come again. `message` says what happened, plainly.
   */
  | { type: 'runRewind'; runId: number; step: number; message: string }
  /** Which backend trains, and why it is not WebGL when it is not. */
  | {
      type: 'backend';
      name: BackendName;
      reason: string | null;
      /** The measured speeds behind an automatic choice; absent when the choice was forced. */
      probe?: BackendProbe;
      /** Threads training uses (issue 24): more than one only on WebAssembly. */
      threads: number;
      /** Why training uses one thread where more might be expected; null otherwise. */
      threadsReason: string | null;
    }
  | { type: 'modelSummary'; summary: ModelSummary }
  | { type: 'runState'; runId: number; state: RunState }
  | ({ type: 'progress'; runId: number } & ProgressReport)
  | {
      type: 'epochEnd';
      runId: number;
      epoch: number;
      trainLoss: number;
      valLoss: number;
      /** A VAE's reconstruction and KL terms, on the training batches and on the test set. */
      trainParts?: LossParts;
      valParts?: LossParts;
    }
  /** Reconstructions of the probes, 10 x 784 values in [0, 1]. runId is null before any run. */
  | {
      type: 'reconstructions';
      runId: number | null;
      step: number;
      pixels: Float32Array;
      /** True at the steps the training timeline keeps (shared/timeline.ts). */
      timeline?: boolean;
      /**
       * A denoising model's inputs: the probes as damaged for it (the same damage all run),
       * 10 x 784 values in [0, 1]. Absent for the other kinds, which are given the probes.
       */
      inputs?: Float32Array;
    }
  /**
   * The pretrained model is in place: how it was made, its training history and timeline
   * pictures. `runId` is the one the page gave in loadPretrained.
   */
  | {
      type: 'pretrainedLoaded';
      runId: number;
      info: PretrainedInfo;
      history: PretrainedHistory;
      frames: TimelineFrame[];
    }
  /** Its validation loss, measured here on the whole test set (null if cut short). */
  | { type: 'pretrainedChecked'; runId: number; valLoss: number | null }
  | { type: 'pretrainedError'; runId: number; message: string }
  /**
   * Every test image's latent code and reconstruction loss, from the weights after `step` global
   * steps (runId null: outside any run, e.g. untrained after a reset). Labels came in dataReady.
   */
  | {
      type: 'latentCodes';
      runId: number | null;
      step: number;
      latentDim: number;
      /** testCount x latentDim, row-major: image i's code at i * latentDim. */
      codes: Float32Array;
      /** Per-image binary cross-entropy (mean over its 784 pixels), testCount values. */
      losses: Float32Array;
      /**
       * Per-digit means, spreads, dead units and the rest, computed here in the worker: over
       * 10,000 codes it takes long enough to stall the page's drawing at each epoch's end.
       */
      stats: LatentStats;
    }
  /** The answer to reconstructTest: indices.length x 784 values in [0, 1]. */
  | {
      type: 'testReconstructions';
      requestId: number;
      step: number;
      indices: number[];
      pixels: Float32Array;
    }
  /** Playground (issue 5): count x 784 decoded pixels in [0, 1]; empty if there is no model. */
  | { type: 'decodedImages'; requestId: number; pixels: Float32Array }
  /** The codes (count x latentDim) and reconstructions (count x 784) of encodeImages' images. */
  | {
      type: 'encodedImages';
      requestId: number;
      latentDim: number;
      codes: Float32Array;
      pixels: Float32Array;
    }
  /** The test codes on their first two principal axes (testCount x 2) and each axis's share. */
  | {
      type: 'latentMap';
      runId: number | null;
      step: number;
      coords: Float32Array;
      explained: [number, number];
      /** The two principal axes themselves (latentDim numbers each), for the VAE's grid. */
      axes: [number[], number[]];
      /** How long the PCA took in the worker. */
      ms: number;
    }
  | { type: 'benchmarkResult'; result: BenchmarkResult }
  | { type: 'diagnostics'; diagnostics: Diagnostics }
  /** Something went wrong in the worker outside the data pipeline. */
  | {
      type: 'workerError';
      message: string;
      /** 'diverged': the loss blew up; the page offers Reset. */
      kind?: 'diverged';
    };

/** The buffers of a message that should be transferred rather than copied. */
export function transferablesOf(message: FromWorker): Transferable[] {
  switch (message.type) {
    case 'modelExport':
      return [message.weights];
    case 'reconstructions':
      return [
        message.pixels.buffer as ArrayBuffer,
        ...(message.inputs ? [message.inputs.buffer as ArrayBuffer] : []),
      ];
    case 'testReconstructions':
    case 'decodedImages':
      return [message.pixels.buffer as ArrayBuffer];
    case 'encodedImages':
      return [message.codes.buffer as ArrayBuffer, message.pixels.buffer as ArrayBuffer];
    case 'latentMap':
      return [message.coords.buffer as ArrayBuffer];
    case 'pretrainedLoaded':
      return message.frames.map((frame) => frame.pixels.buffer as ArrayBuffer);
    case 'latentCodes':
      return [message.codes.buffer as ArrayBuffer, message.losses.buffer as ArrayBuffer];
    case 'dataReady':
      return [
        message.samples.pixels.buffer as ArrayBuffer,
        message.probes.pixels.buffer as ArrayBuffer,
      ];
    case 'testSet':
      return [message.test.pixels.buffer as ArrayBuffer, message.test.labels.buffer as ArrayBuffer];
    default:
      return [];
  }
}
