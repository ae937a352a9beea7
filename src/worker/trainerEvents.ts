/** What a Trainer tells the outside world, and what it needs to be built. */
import type { TrainingConfig } from '../shared/config';
import type { LossPoint, RunState } from '../shared/protocol';
import type { PixelSet } from './batches';
import type { Schedule } from './schedule';

export interface ProgressEvent {
  /** 1-based epoch in progress. */
  epoch: number;
  epochs: number;
  /** Global steps done so far. */
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  /** Losses read since the previous progress event. */
  losses: LossPoint[];
  samplesPerSecond: number;
  /** Training time, pauses excluded. */
  elapsedMs: number;
}

export interface EpochEndEvent {
  epoch: number;
  /** Sample-weighted mean of the epoch's batch losses, as Keras reports it. */
  trainLoss: number;
  valLoss: number;
}

export interface TrainerEvents {
  progress(p: ProgressEvent): void;
  epochEnd(e: EpochEndEvent): void;
  /** probes x 784 values in [0, 1], after `step` global steps. */
  reconstructions(pixels: Float32Array, step: number): void;
  state(s: RunState): void;
  error(message: string): void;
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
}

export const DIVERGED_MESSAGE =
  'The loss became NaN or infinite, so training stopped: the learning rate is probably too high. Try a smaller one.';
