/**
 * Tells a run that is going wrong from one that is learning. A NaN or infinite loss is the
 * textbook sign, but with Adam a too-high learning rate (5, say) rarely gets there: the ReLUs
 * die, the network outputs one grey image, and the loss sits at ~2, three times where it
 * started. So a loss that stays above twice its starting value counts too; a learning run
 * never goes there (its first loss, ~0.69 for BCE, is the worst it ever does).
 */
import type { LossPoint } from '../../shared/protocol';

/** Losses in a row above the limit before the run is called diverged (one bad batch is noise). */
const WINDOW = 10;
const FACTOR = 2;

export interface Divergence {
  /** The first step of the bad stretch: weights from before it are the last good ones. */
  since: number;
  message: string;
}

const TOO_HIGH = 'the learning rate is probably too high. Try a smaller one, then Reset.';

export function nonFiniteDivergence(step: number): Divergence {
  return {
    since: step,
    message: `The loss became NaN or infinite at step ${step}, so training stopped: ${TOO_HIGH}`,
  };
}

export class DivergenceWatch {
  private first: number | null = null;
  private stretchStart: number | null = null;
  private stretchLength = 0;

  /** Feeds losses in step order; returns a verdict once the loss has blown up, else null. */
  observe(points: readonly LossPoint[]): Divergence | null {
    for (const { step, loss } of points) {
      this.first ??= loss;
      if (loss > this.first * FACTOR) {
        this.stretchStart ??= step;
        this.stretchLength++;
        if (this.stretchLength >= WINDOW) {
          return {
            since: this.stretchStart,
            message: `The loss went up instead of down (from ${this.first.toFixed(2)} at the start to ${loss.toFixed(2)}), so training stopped: ${TOO_HIGH}`,
          };
        }
      } else {
        this.stretchStart = null;
        this.stretchLength = 0;
      }
    }
    return null;
  }

  /** After a rewind (GPU recovery) the steps come again: forget the stretch, keep the start. */
  rewind(): void {
    this.stretchStart = null;
    this.stretchLength = 0;
  }
}
