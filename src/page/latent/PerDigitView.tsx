import { memo, useId } from 'react';
import { DigitCanvas } from '../ui/DigitCanvas';
import { formatLoss } from '../ui/format';
import { LatentBarChart } from './LatentBarChart';
import type { OffReason } from './latentChartData';

export interface SampleView {
  /** Position in the test set. */
  index: number;
  /** The image's latent code (latentDim values). */
  code: Float32Array;
  /** The image's reconstruction loss. */
  loss: number;
  /** Where its rebuild is: image `offset` of `pixels`, or null while it is being made. */
  rebuilt: { pixels: Float32Array; offset: number } | null;
}

export interface PerDigitViewProps {
  digit: number;
  samples: SampleView[];
  /** The whole test split, 784 bytes per image. */
  testPixels: Uint8Array;
  /** This digit's spread per unit, over all its test images. */
  low: Float32Array;
  high: Float32Array;
  bandLabel: string;
  dead: readonly number[];
  /** One y axis top for every chart on screen, or null for each chart's own. */
  sharedTop: number | null;
  /** Why the `dead` units are off, and whether the codes go below 0 (a VAE's means do). */
  offReason: OffReason;
  signed: boolean;
  /** "Open in playground" (issue 5): start the decoder playground from this image's code. */
  onOpen?: (index: number) => void;
}

// Memoised: a card whose sample did not change (same code, same rebuild) is not rendered again.
const SampleCard = memo(function SampleCard({
  digit,
  sample,
  testPixels,
  low,
  high,
  bandLabel,
  dead,
  sharedTop,
  offReason,
  signed,
  onOpen,
}: Omit<PerDigitViewProps, 'samples'> & { sample: SampleView }) {
  const titleId = useId();
  const { index } = sample;
  return (
    <article className="ll-sample" aria-labelledby={titleId}>
      <div className="ll-sample__side">
        <h3 id={titleId} className="ll-sample__title">
          Test image #{index}
        </h3>
        <div className="ll-sample__images">
          <figure className="ll-sample__figure">
            <DigitCanvas
              pixels={testPixels}
              offset={index}
              label={`Test image #${index}, a handwritten ${digit}`}
            />
            <figcaption>Original</figcaption>
          </figure>
          <figure className="ll-sample__figure">
            {sample.rebuilt ? (
              <DigitCanvas
                pixels={sample.rebuilt.pixels}
                offset={sample.rebuilt.offset}
                label={`Rebuild of test image #${index}`}
              />
            ) : (
              <div className="ll-digit ll-digit--placeholder" aria-hidden="true">
                …
              </div>
            )}
            <figcaption>Rebuilt</figcaption>
          </figure>
        </div>
        <p className="ll-sample__loss ll-num">Loss {formatLoss(sample.loss, 3)}</p>
        {onOpen && (
          <button
            type="button"
            className="ll-btn ll-sample__open"
            onClick={() => onOpen(index)}
            aria-label={`Open in playground: test image #${index}`}
          >
            Open in playground
          </button>
        )}
      </div>
      <LatentBarChart
        values={sample.code}
        low={low}
        high={high}
        dead={dead}
        sharedTop={sharedTop}
        offReason={offReason}
        signed={signed}
        title={`Latent code of test image #${index} (digit ${digit})`}
        valuesLabel="This image"
        bandLabel={bandLabel}
      />
    </article>
  );
});

/** The notebook's figure, live: a few images of one digit, each beside the bars of its code. */
export function PerDigitView(props: PerDigitViewProps) {
  const { samples, ...shared } = props;
  if (samples.length === 0) {
    return <p className="ll-panel__note">There are no test images of the digit {props.digit}.</p>;
  }
  return (
    <div className="ll-samples">
      {samples.map((sample, slot) => (
        // Keyed by slot: stepping updates the same charts instead of building new ones.
        <SampleCard key={slot} sample={sample} {...shared} />
      ))}
    </div>
  );
}
