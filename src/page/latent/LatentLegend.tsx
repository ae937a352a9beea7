import type { OffReason } from './latentChartData';

export interface LatentLegendProps {
  digit: number;
  hasDead: boolean;
  offReason: OffReason;
}

/**
 * One key for every latent chart on screen, instead of a legend inside each: the charts keep
 * their height for the bars, which is what a projector audience has to read.
 */
export function LatentLegend({ digit, hasDead, offReason }: LatentLegendProps) {
  return (
    <ul className="ll-latent-legend" aria-label="Key to the bar charts">
      <li>
        <span
          className="ll-latent-legend__swatch ll-latent-legend__swatch--bar"
          aria-hidden="true"
        />
        This image's code
      </li>
      <li>
        <span
          className="ll-latent-legend__swatch ll-latent-legend__swatch--average"
          aria-hidden="true"
        />
        Average of all {digit}s
      </li>
      <li>
        <span
          className="ll-latent-legend__swatch ll-latent-legend__swatch--band"
          aria-hidden="true"
        />
        Where the middle 80% of all {digit}s fall
      </li>
      {hasDead && (
        <li>
          <span className="ll-latent-legend__swatch ll-dead-swatch" aria-hidden="true" />
          {offReason === 'kl'
            ? 'Switched off by the KL term: noise whatever the digit (marked “off”)'
            : 'Dead unit: always 0 (marked “off”)'}
        </li>
      )}
    </ul>
  );
}
