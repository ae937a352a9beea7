/**
 * The parts of one Trainer that its helpers (the loop, recovery, the reporter) share: all of
 * runContext.ts's RunContext but the reporter, which is built from these and so cannot be one.
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
import type { RunSafety } from './runSafety';
import type { TrainerEvents } from './trainerEvents';
import type { TrainStepFn } from '../kernels/trainStep';

export interface RunHost {
  readonly model: tfl.LayersModel;
  readonly config: TrainingConfig;
  readonly test: PixelSet;
  readonly probes: Uint8Array;
  /** A denoising run's probes as damaged for it (the same all run); null for other kinds. */
  readonly probeInputs: Float32Array | null;
  readonly events: TrainerEvents;
  readonly cursor: RunCursor;
  readonly losses: LossTracker;
  readonly safety: RunSafety;
  readonly clock: ActiveClock;
  readonly rate: RateMeter;
  readonly pace: Pace;
  readonly gate: RunGate;
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
