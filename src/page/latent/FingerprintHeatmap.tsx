import { memo, useId } from 'react';
import { cssVars } from '../ui/cssVars';
import {
  formatActivation,
  legendTicks,
  scaleColor,
  scaleGradient,
  signedColor,
} from './heatmapScale';
import type { OffReason } from './latentChartData';

export interface FingerprintHeatmapProps {
  /** 10 x latentDim average activations, digit-major. */
  means: Float32Array;
  latentDim: number;
  /** The colour scale's top (the largest average; for signed means, the largest size). */
  top: number;
  /** Signed means (a VAE's) on a blue-white-red scale around 0, from -top to top. */
  signed: boolean;
  offReason: OffReason;
  dead: readonly number[];
  /** The digit the per-digit view shows; its row is outlined. */
  digit: number;
  /** Per digit, the share of its images whose code is nearest its own digit's average. */
  recognised: readonly number[];
  onChoose: (digit: number) => void;
}

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** With many units the columns are a few pixels wide: number only every 8th. */
function showUnitNumber(unit: number, latentDim: number): boolean {
  return latentDim <= 40 || unit % 8 === 0;
}

function percent(share: number): string {
  return Number.isFinite(share) ? `${Math.round(share * 100)}%` : 'n/a';
}

/**
 * Each digit's average code as one row of coloured cells: the "fingerprint". A real table, so
 * it reads cell by cell without the colours; each row header is a button that opens the digit.
 */
// Memoised: 10 x 32 cells, which change only with new codes or another digit.
export const FingerprintHeatmap = memo(function FingerprintHeatmap(props: FingerprintHeatmapProps) {
  const { means, latentDim, top, dead, digit, recognised, onChoose, signed, offReason } = props;
  const color = (t: number) => (signed ? signedColor(t) : scaleColor(t));
  const offTitle = offReason === 'kl' ? ' (switched off by the KL term)' : ' (dead unit)';
  const captionId = useId();
  const deadSet = new Set(dead);
  const units = Array.from({ length: latentDim }, (_, u) => u);
  const scaleTop = top > 0 ? top : 1;

  return (
    <div className={signed ? 'll-heatmap ll-heatmap--signed' : 'll-heatmap'}>
      <div className="ll-table-wrap">
        <table
          className="ll-heatmap__table"
          aria-labelledby={captionId}
          style={cssVars({ '--ll-heatmap-units': latentDim })}
        >
          <caption id={captionId} className="ll-visually-hidden">
            Digit fingerprints: the average activation of each unit for each digit
          </caption>
          <thead>
            <tr>
              <th scope="col" className="ll-heatmap__corner">
                Unit
              </th>
              {units.map((u) => (
                <th
                  key={u}
                  scope="col"
                  className={deadSet.has(u) ? 'll-heatmap__unit is-dead' : 'll-heatmap__unit'}
                >
                  {showUnitNumber(u, latentDim) ? (
                    <span className={u % 8 === 0 ? undefined : 'll-heatmap__minor'}>{u}</span>
                  ) : (
                    <span className="ll-visually-hidden">{u}</span>
                  )}
                  {deadSet.has(u) && <span className="ll-heatmap__off">off</span>}
                </th>
              ))}
              <th
                scope="col"
                className="ll-heatmap__score"
                title="Share of this digit's test images whose code is closer to this row than to any other digit's row"
              >
                Closest to own row
              </th>
            </tr>
          </thead>
          <tbody>
            {DIGITS.map((d) => (
              // The row header's button is the keyboard way in; a click anywhere on the row
              // bubbles here too, so the whole row is a mouse target.
              <tr
                key={d}
                className={d === digit ? 'll-heatmap__row is-selected' : 'll-heatmap__row'}
                onClick={() => onChoose(d)}
              >
                <th scope="row">
                  <button type="button" className="ll-heatmap__digit" aria-current={d === digit}>
                    Digit {d}
                  </button>
                </th>
                {units.map((u) => {
                  const value = means[d * latentDim + u];
                  return (
                    <td
                      key={u}
                      className={deadSet.has(u) ? 'll-heatmap__cell is-dead' : 'll-heatmap__cell'}
                      style={{ backgroundColor: color(value / scaleTop) }}
                      title={`Digit ${d}, unit ${u}: average ${formatActivation(value)}${deadSet.has(u) ? offTitle : ''}`}
                    >
                      <span className="ll-visually-hidden">{formatActivation(value)}</span>
                    </td>
                  );
                })}
                <td className="ll-heatmap__score ll-num">{percent(recognised[d])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatmapLegend
        top={scaleTop}
        hasDead={dead.length > 0}
        signed={signed}
        offReason={offReason}
      />
    </div>
  );
});

/** Round legend values need no trailing zeros: 5, 2.5, 0.04. */
function formatTick(value: number): string {
  return String(Number(value.toPrecision(3)));
}

interface HeatmapLegendProps {
  top: number;
  hasDead: boolean;
  signed: boolean;
  offReason: OffReason;
}

function HeatmapLegend({ top, hasDead, signed, offReason }: HeatmapLegendProps) {
  const up = legendTicks(top);
  // Signed: the same round ticks mirrored below 0, over a scale from -top to top.
  const ticks = signed
    ? [
        ...up
          .slice(1)
          .map((t) => -t)
          .reverse(),
        ...up,
      ]
    : up;
  const bottom = signed ? -top : 0;
  const where = (tick: number) => ((tick - bottom) / (top - bottom)) * 100;
  return (
    <div className="ll-heatmap__legend">
      <div
        className="ll-heatmap__scale"
        role="img"
        aria-label={
          signed
            ? `Colour scale: blue is ${formatActivation(-top)}, white is 0, red is ${formatActivation(top)}`
            : `Colour scale: dark purple is 0, yellow is ${formatActivation(top)}`
        }
      >
        <span className="ll-heatmap__scale-title">
          {signed ? 'Average mean' : 'Average activation'}
        </span>
        <span className="ll-heatmap__gradient" style={{ backgroundImage: scaleGradient(signed) }} />
        <span className="ll-heatmap__ticks ll-num" aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick} style={{ left: `${where(tick)}%` }}>
              {formatTick(tick).replace('-', '−')}
            </span>
          ))}
        </span>
      </div>
      {hasDead && (
        <p className="ll-heatmap__dead-key">
          <span className="ll-heatmap__dead-swatch" aria-hidden="true" /> Hatched column:{' '}
          {offReason === 'kl' ? 'a unit switched off by the KL term' : 'a dead unit'}
        </p>
      )}
    </div>
  );
}
