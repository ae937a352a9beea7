/** What a Trainer tells the outside world, and what it needs to be built. */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { TrainingConfig } from '../../shared/config';
import type { LossParts } from '../../shared/progress';
import type { ProgressReport, RunState } from '../../shared/protocol';
import type { PixelSet } from './batches';
import type { Schedule } from './schedule';

/** What the trainer reports as it goes: the protocol's progress report, minus the run id. */
export type ProgressEvent = ProgressReport;

export interface EpochEndEvent {
  epoch: number;
  /** Sample-weighted mean of the epoch's batch losses, as Keras reports it. */
  trainLoss: number;
  valLoss: number;
  /** A VAE's two terms, on the training batches and on the test set. */
  trainParts?: LossParts;
  valParts?: LossParts;
}

/** Every test image's latent code and loss, from the weights after `step` global steps. */
export interface LatentCodesEvent {
  step: number;
  latentDim: number;
  codes: Float32Array;
  losses: Float32Array;
  /** A VAE's mean KL per code number over the test set. */
  unitKl?: Float32Array;
}

export interface TrainerEvents {
  progress(p: ProgressEvent): void;
  epochEnd(e: EpochEndEvent): void;
  /**
   * probes x 784 values in [0, 1], after `step` global steps. `onTimeline`: this step is one the
   * training timeline keeps (see shared/timeline.ts).
   */
  reconstructions(
    pixels: Float32Array,
    step: number,
    onTimeline: boolean,
    inputs?: Float32Array,
  ): void;
  /** At each epoch end, when a run is stopped, and on request (encodeTestSet). */
  latentCodes(codes: LatentCodesEvent): void;
  state(s: RunState): void;
  /** `kind` 'diverged': the loss blew up (the last good weights are back); the page offers Reset. */
  error(message: string, kind?: 'diverged'): void;
  /**
   * The GPU lost its context and the run went back to its checkpoint at `step` (issue 9): losses
   * after it come again. Optional so trainers in tests need not listen.
   */
  rewound?(step: number): void;
}

export interface TrainerOptions {
  config: TrainingConfig;
  train: PixelSet;
  test: PixelSet;
  /** k images back to back, 784 bytes each. */
  probes: Uint8Array;
  events: TrainerEvents;
  /** How to yield between steps; default a MessageChannel round trip. */
  schedule?: Schedule;
  /** True while the GPU's context is lost (issue 9); absent: never. */
  gpuLost?: () => boolean;
  /** Told when a failure looks like a lost GPU, so recovery starts even without the event. */
  onGpuLost?: () => void;
  /**
   * Weights to start from (a loaded or earlier model) instead of fresh ones from config.seed;
   * its shape must match the config. The trainer owns it from then on.
   */
  model?: tfl.LayersModel;
  /** Steps `model` was already trained for: globalStep counts on from there. */
  priorSteps?: number;
  /** Slow motion: at most this many steps per second; null or absent = full speed. */
  stepsPerSecond?: number | null;
}

export const DIVERGED_MESSAGE =
  'The loss became NaN or infinite, so training stopped: the learning rate is probably too high. Try a smaller one.';
