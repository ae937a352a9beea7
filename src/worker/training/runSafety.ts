/**
 * A run's safety net (issue 9): a CPU checkpoint every few steps, a watch on the loss, and the
 * way back to a checkpoint, used when the loss blows up (keep the last good weights) and when
 * the GPU loses its context (go on from the last copy). The Trainer calls it at fixed points.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { LossPoint } from '../../shared/protocol';
import {
  CHECKPOINT_EVERY,
  CheckpointRing,
  captureCheckpoint,
  restoreCheckpoint,
  type Checkpoint,
} from './checkpoint';
import { DivergenceWatch, type Divergence } from './divergence';
import type { LossTracker } from './lossTracker';
import type { RunCursor } from './runCursor';

export interface SafetyHost {
  model: tfl.LayersModel;
  cursor: RunCursor;
  losses: LossTracker;
  optimizer(): tf.Optimizer | null;
  /** A new optimizer for restored moments, of the run's kind and learning rate. */
  freshOptimizer(): tf.Optimizer;
  /** Makes `optimizer` the run's (re-binding the train step); the old one is the host's to drop. */
  adoptOptimizer(optimizer: tf.Optimizer): void;
  /** True while the GPU's context is lost: nothing read from it then can be trusted. */
  gpuLost(): boolean;
}

export class RunSafety {
  private readonly ring = new CheckpointRing();
  private readonly watch = new DivergenceWatch();

  constructor(
    private readonly host: SafetyHost,
    private readonly every = CHECKPOINT_EVERY,
  ) {}

  /** Keeps a copy of where the run is now (skipped when it holds NaN or the GPU is gone). */
  async checkpoint(): Promise<void> {
    const optimizer = this.host.optimizer();
    if (!optimizer || this.host.gpuLost()) return;
    const { model, cursor, losses } = this.host;
    const taken = await captureCheckpoint(model, optimizer, cursor, losses.epochState());
    // A context lost while reading gives zeros that look fine: check again after the read.
    if (!this.host.gpuLost()) this.ring.add(taken);
  }

  /** After each batch: a checkpoint every `every` steps. */
  async afterStep(): Promise<void> {
    if (this.host.cursor.globalStep % this.every === 0) await this.checkpoint();
  }

  /** The newest losses; a verdict once the run has blown up. */
  observe(points: readonly LossPoint[]): Divergence | null {
    return this.watch.observe(points);
  }

  get latestStep(): number | null {
    return this.ring.latest()?.step ?? null;
  }

  /**
   * The newest checkpoint whose weights had not yet produced a loss at or after `badStep` (the
   * loss of step s comes from the weights after step s - 1); null if none.
   */
  lastGoodBefore(badStep: number): Checkpoint | null {
    return this.ring.before(badStep - 1);
  }

  /** Back to the newest checkpoint (the GPU lost everything since). */
  restoreLatest(): Promise<number | null> {
    this.watch.rewind();
    return this.restore(this.ring.latest());
  }

  /** Puts `checkpoint` back; its step, or null when there is none. */
  async restore(checkpoint: Checkpoint | null): Promise<number | null> {
    if (!checkpoint) return null;
    const { model, cursor, losses } = this.host;
    const optimizer = await restoreCheckpoint(checkpoint, model, cursor, () =>
      this.host.freshOptimizer(),
    );
    this.host.adoptOptimizer(optimizer);
    losses.rewind(checkpoint.epochLoss, checkpoint.step);
    return checkpoint.step;
  }
}
