/**
 * Where a run is: epoch, batch within the epoch, global step, and the epoch's shuffled order.
 * The order is redrawn at each epoch from one seeded generator, so a seed fixes every epoch's
 * batches (Keras shuffles each epoch too, but its shuffle cannot be seeded from tfjs).
 */
import { shuffledIndices, type Rng } from './random';

export interface BatchRange {
  /** Positions in `order`, end exclusive. */
  start: number;
  end: number;
}

export class RunCursor {
  readonly stepsPerEpoch: number;
  epochIndex = 0;
  batchInEpoch = 0;
  globalStep = 0;
  samplesSeen = 0;
  order: Uint32Array = new Uint32Array(0);

  constructor(
    private readonly trainSize: number,
    private readonly batchSize: number,
    private readonly rng: Rng,
  ) {
    this.stepsPerEpoch = Math.ceil(trainSize / batchSize);
  }

  beginEpoch(index: number): void {
    this.epochIndex = index;
    this.batchInEpoch = 0;
    this.order = shuffledIndices(this.trainSize, this.rng);
  }

  /** The next batch of this epoch (the last one may be short, as in Keras); advances past it. */
  next(): BatchRange {
    const start = this.batchInEpoch * this.batchSize;
    const end = Math.min(start + this.batchSize, this.trainSize);
    this.batchInEpoch++;
    this.globalStep++;
    this.samplesSeen += end - start;
    return { start, end };
  }

  /** Epochs done so far as a fraction, e.g. 0.5 halfway through the first. */
  get fractionalEpoch(): number {
    return this.epochIndex + this.batchInEpoch / this.stepsPerEpoch;
  }

  get epochComplete(): boolean {
    return this.batchInEpoch >= this.stepsPerEpoch;
  }
}
