/**
 * A latent bar chart as numbers ("Show as table"): for screen readers, and for a student who
 * wants to read a unit's exact value rather than estimate a bar's height.
 */
import { memo } from 'react';
import { formatActivation } from './heatmapScale';
import type { OffReason } from './latentChartData';

export interface LatentTableProps {
  /** The chart's name, used as the table's caption. */
  title: string;
  valuesLabel: string;
  values: ArrayLike<number>;
  low?: ArrayLike<number>;
  high?: ArrayLike<number>;
  bandLabel: string;
  dead: readonly number[];
  offReason: OffReason;
}

// Memoised: 32 rows per chart, ten charts; only a changed code needs its rows rendered again.
export const LatentTable = memo(function LatentTable(props: LatentTableProps) {
  const { title, valuesLabel, values, low, high, bandLabel, dead, offReason } = props;
  const kl = offReason === 'kl';
  const deadUnits = new Set(dead);
  const hasBand = low !== undefined && high !== undefined;
  const units = Array.from({ length: values.length }, (_, unit) => unit);
  return (
    <details className="ll-latent-table">
      <summary>Show as table</summary>
      <table className="ll-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">{valuesLabel}</th>
            {hasBand && <th scope="col">{bandLabel}</th>}
            <th scope="col">{kl ? 'Switched off?' : 'Dead?'}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit}>
              <th scope="row">{unit}</th>
              <td className="ll-num">{formatActivation(values[unit])}</td>
              {hasBand && (
                <td className="ll-num">
                  {formatActivation(low[unit])} to {formatActivation(high[unit])}
                </td>
              )}
              <td>{deadUnits.has(unit) ? (kl ? 'yes, by the KL term' : 'yes, always 0') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
});
