/**
 * Collects batch losses without blocking on them: each loss tensor is read with `data()` (async,
 * so a GPU backend keeps its queue full) and disposed once read. At most a few reads are in
 * flight; beyond that the caller waits for the oldest, so a fast producer cannot run away.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { LossParts, LossPoint } from '../../shared/progress';

/** An epoch's running sums: of the loss, and of a VAE's two terms. */
export interface EpochSums {
  sum: number;
  samples: number;
  reconstruction?: number;
  kl?: number;
}

export class LossTracker {
  private inFlight: Promise<void>[] = [];
  private points: LossPoint[] = [];
  private epochSum = 0;
  private epochSamples = 0;
  private epochParts: LossParts | null = null;
  /** Bumped by abandon(): reads begun before it are ignored when (if ever) they finish. */
  private generation = 0;

  /** `onBadLoss` is told about a NaN or infinite loss (which is then not recorded), and its step. */
  constructor(
    private readonly onBadLoss: (step: number) => void,
    private readonly maxInFlight = 4,
  ) {}

  /**
   * Takes ownership of `loss` for the batch `step` of `samples` images: a scalar, or a VAE's
   * [total, reconstruction, KL].
   */
  async add(loss: tf.Tensor, step: number, epoch: number, samples: number): Promise<void> {
    const generation = this.generation;
    const read = loss
      .data()
      .then(([value, reconstruction, kl]) => {
        const parts = reconstruction === undefined ? undefined : { reconstruction, kl };
        if (generation === this.generation) this.record(value, step, epoch, samples, parts);
      })
      .finally(() => loss.dispose());
    this.inFlight.push(read);
    while (this.inFlight.length > this.maxInFlight) await this.inFlight.shift();
  }

  /** Waits until every loss handed in so far has been read. */
  async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  /** The points recorded since the last call, in step order. */
  takePoints(): LossPoint[] {
    const points = this.points.sort((a, b) => a.step - b.step);
    this.points = [];
    return points;
  }

  /**
   * Keras's epoch loss: the mean of the batch losses weighted by batch size, with a VAE's two
   * terms weighted alike (absent for the other kinds). Then resets.
   */
  takeEpoch(): { loss: number; parts?: LossParts } {
    const samples = this.epochSamples;
    const loss = samples > 0 ? this.epochSum / samples : Number.NaN;
    const sums = this.epochParts;
    const parts =
      sums && samples > 0
        ? { reconstruction: sums.reconstruction / samples, kl: sums.kl / samples }
        : undefined;
    this.epochSum = 0;
    this.epochSamples = 0;
    this.epochParts = null;
    return parts ? { loss, parts } : { loss };
  }

  /** Forgets reads in flight: after a lost GPU context they never finish (tfjs polls forever). */
  abandon(): void {
    this.generation++;
    this.inFlight = [];
  }

  /** The epoch's running sums, for a checkpoint. */
  epochState(): EpochSums {
    return { sum: this.epochSum, samples: this.epochSamples, ...this.epochParts };
  }

  /** Back to a checkpoint: its epoch sums; unsent points after `step` go (they come again). */
  rewind(state: EpochSums, step: number): void {
    this.epochSum = state.sum;
    this.epochSamples = state.samples;
    const { reconstruction, kl } = state;
    this.epochParts =
      reconstruction === undefined || kl === undefined ? null : { reconstruction, kl };
    this.points = this.points.filter((p) => p.step <= step);
  }

  private record(
    loss: number,
    step: number,
    epoch: number,
    samples: number,
    parts: LossParts | undefined,
  ): void {
    if (!Number.isFinite(loss)) {
      this.onBadLoss(step);
      return;
    }
    this.points.push(parts ? { step, epoch, loss, parts } : { step, epoch, loss });
    this.epochSum += loss * samples;
    this.epochSamples += samples;
    if (parts) {
      const sums = (this.epochParts ??= { reconstruction: 0, kl: 0 });
      sums.reconstruction += parts.reconstruction * samples;
      sums.kl += parts.kl * samples;
    }
  }
}
