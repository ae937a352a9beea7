import { DigitPicker } from './DigitPicker';
import { formatInt } from '../ui/format';

export interface LatentToolbarProps {
  digit: number;
  counts: readonly number[];
  /** 1-based positions of the samples on screen within the digit's order. */
  first: number;
  last: number;
  shuffled: boolean;
  onChoose: (digit: number) => void;
  onPrevious: () => void;
  onNext: () => void;
  onShuffle: () => void;
}

/** Digit buttons and sample stepping, kept in view while scrolling. */
export function LatentToolbar(props: LatentToolbarProps) {
  const { digit, counts, first, last, shuffled } = props;
  const total = counts[digit] ?? 0;
  const range = first === last ? `${formatInt(first)}` : `${formatInt(first)}–${formatInt(last)}`;
  return (
    <div className="ll-latent-toolbar">
      <DigitPicker digit={digit} counts={counts} onChoose={props.onChoose} />
      <div className="ll-latent-toolbar__steps" role="group" aria-label="Samples of this digit">
        <button
          type="button"
          className="ll-btn"
          onClick={props.onPrevious}
          title="Previous samples (Left arrow)"
        >
          <span aria-hidden="true">◀ </span>Prev
        </button>
        <button
          type="button"
          className="ll-btn"
          onClick={props.onNext}
          title="Next samples (Right arrow)"
        >
          Next<span aria-hidden="true"> ▶</span>
        </button>
        <button
          type="button"
          className="ll-btn"
          onClick={props.onShuffle}
          title="Pick samples of this digit at random, as the notebook does"
        >
          Shuffle
        </button>
      </div>
      <p className="ll-latent-toolbar__where" aria-live="polite">
        Digit <strong>{digit}</strong>: samples {range} of {formatInt(total)}
        {shuffled ? ' (random order)' : ' (test-set order)'}
      </p>
    </div>
  );
}
