import { memo } from 'react';
import type { DigitLoss } from '../../shared/latentStats';
import { cssVars } from '../ui/cssVars';
import { formatInt, formatLoss } from '../ui/format';

export interface HardDigitsProps {
  /** Mean loss per digit, hardest first. */
  losses: readonly DigitLoss[];
  /** The digit the per-digit view shows; its row is highlighted. */
  digit: number;
}

/** Which digits the network rebuilds worst: average test loss per digit, hardest first. */
export const HardDigits = memo(function HardDigits({ losses, digit }: HardDigitsProps) {
  const worst = losses.reduce((max, entry) => Math.max(max, entry.meanLoss), 0) || 1;
  return (
    <div className="ll-table-wrap">
      <table className="ll-table ll-hard">
        <caption>Average loss on each digit's test images, hardest to rebuild first</caption>
        <thead>
          <tr>
            <th scope="col">Digit</th>
            <th scope="col" className="ll-table__num">
              Average loss
            </th>
            <th scope="col">
              <span className="ll-visually-hidden">Compared with the hardest</span>
            </th>
            <th scope="col" className="ll-table__num">
              Images
            </th>
          </tr>
        </thead>
        <tbody>
          {losses.map((entry) => (
            <tr key={entry.digit} className={entry.digit === digit ? 'is-selected' : undefined}>
              <th scope="row" className="ll-hard__digit">
                {entry.digit}
              </th>
              <td className="ll-table__num ll-num">{formatLoss(entry.meanLoss, 4)}</td>
              <td className="ll-hard__bar-cell" aria-hidden="true">
                <span
                  className="ll-hard__bar"
                  style={cssVars({ '--ll-hard-share': entry.meanLoss / worst })}
                />
              </td>
              <td className="ll-table__num ll-num">{formatInt(entry.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
