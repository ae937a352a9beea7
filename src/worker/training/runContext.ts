/**
 * The parts of one Trainer that its helpers (the loop, recovery) share. The Trainer builds one
 * and keeps owning everything in it; the helpers read and act through it.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { TrainingConfig } from '../../shared/config';
import type { RunState } from '../../shared/protocol';
import type { PixelSet } from './batches';
import type { BatchSource } from './batchSource';
import type { Divergence } from './divergence';
import type { LossTracker } from './lossTracker';
import type { ActiveClock, RateMeter } from './meters';
import type { Pace } from './pace';
import type { RunCursor } from './runCursor';
import type { RunGate } from './runGate';
import type { RunReporter } from './runReporter';
import type { RunSafety } from './runSafety';
import type { TrainerEvents } from './trainerEvents';
import type { TrainStepFn } from '../kernels/trainStep';

export interface RunContext {
  readonly model: tfl.LayersModel;
  readonly config: TrainingConfig;
  readonly test: PixelSet;
  readonly probes: Uint8Array;
  readonly events: TrainerEvents;
  readonly cursor: RunCursor;
  readonly losses: LossTracker;
  readonly safety: RunSafety;
  readonly clock: ActiveClock;
  readonly rate: RateMeter;
  readonly pace: Pace;
  readonly gate: RunGate;
  readonly reporter: RunReporter;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly gpuLost: () => boolean;
  readonly onGpuLost: () => void;
  state(): RunState;
  /** Steps the weights have been trained for, earlier trainers' included (codes carry it). */
  globalStep(): number;
  /** The loss blew up: stop, and put back the last good weights (see runRecovery.ts). */
  diverged(verdict: Divergence): void;
  disposed(): boolean;
  batches(): BatchSource;
  /** A new GPU copy of the training images, after the old one went with a lost context. */
  rebuildBatches(): void;
  trainStep(): TrainStepFn | null;
  /** Ends the loop and moves to `state`, telling the page. */
  endLoop(state: 'paused' | 'stopped' | 'done'): void;
  launchLoop(): void;
}

/** Stopped, done or disposed: nothing more to train or send for this run. */
export function runEnded(ctx: RunContext): boolean {
  return ctx.disposed() || ctx.state() === 'stopped' || ctx.state() === 'done';
}

export function failureMessage(err: unknown): string {
  return `Training failed: ${err instanceof Error ? err.message : String(err)}`;
}

export function encodeFailure(err: unknown): string {
  return `Could not compute the codes of the test images: ${err instanceof Error ? err.message : String(err)}`;
}
