/**
 * Collects batch losses without blocking on them: each loss tensor is read with `data()` (async,
 * so a GPU backend keeps its queue full) and disposed once read. At most a few reads are in
 * flight; beyond that the caller waits for the oldest, so a fast producer cannot run away.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { LossPoint } from '../../shared/protocol';

export class LossTracker {
  private inFlight: Promise<void>[] = [];
  private points: LossPoint[] = [];
  private epochSum = 0;
  private epochSamples = 0;
  /** Bumped by abandon(): reads begun before it are ignored when (if ever) they finish. */
  private generation = 0;

  /** `onBadLoss` is told about a NaN or infinite loss (which is then not recorded), and its step. */
  constructor(
    private readonly onBadLoss: (step: number) => void,
    private readonly maxInFlight = 4,
  ) {}

  /** Takes ownership of `loss` (a scalar) for the batch `step` of `samples` images. */
  async add(loss: tf.Scalar, step: number, epoch: number, samples: number): Promise<void> {
    const generation = this.generation;
    const read = loss
      .data()
      .then(([value]) => {
        if (generation === this.generation) this.record(value, step, epoch, samples);
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

  /** Keras's epoch loss: the mean of the batch losses weighted by batch size. Then resets. */
  takeEpochMean(): number {
    const mean = this.epochSamples > 0 ? this.epochSum / this.epochSamples : Number.NaN;
    this.epochSum = 0;
    this.epochSamples = 0;
    return mean;
  }

  /** Forgets reads in flight: after a lost GPU context they never finish (tfjs polls forever). */
  abandon(): void {
    this.generation++;
    this.inFlight = [];
  }

  /** The epoch's running sums, for a checkpoint. */
  epochState(): { sum: number; samples: number } {
    return { sum: this.epochSum, samples: this.epochSamples };
  }

  /** Back to a checkpoint: its epoch sums; unsent points after `step` go (they come again). */
  rewind(state: { sum: number; samples: number }, step: number): void {
    this.epochSum = state.sum;
    this.epochSamples = state.samples;
    this.points = this.points.filter((p) => p.step <= step);
  }

  private record(loss: number, step: number, epoch: number, samples: number): void {
    if (!Number.isFinite(loss)) {
      this.onBadLoss(step);
      return;
    }
    this.points.push({ step, epoch, loss });
    this.epochSum += loss * samples;
    this.epochSamples += samples;
  }
}
