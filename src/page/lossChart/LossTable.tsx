/**
 * The loss chart as a table ("Show as table"): each epoch's losses and the latest batch, for
 * screen readers and for anyone who wants the numbers rather than the picture.
 */
import { useId } from 'react';
import type { LossPoint } from '../../shared/protocol';
import { formatInt, formatLoss } from '../ui/format';
import type { EpochLoss } from './lossSeries';

export interface LossTableProps {
  shown: boolean;
  onShown: (shown: boolean) => void;
  losses: LossPoint[];
  epochSummaries: EpochLoss[];
}

export function LossTable({ shown, onShown, losses, epochSummaries }: LossTableProps) {
  const captionId = useId();
  const last = losses.at(-1);
  return (
    <div className="ll-losstable">
      <label className="ll-toggle">
        <input
          type="checkbox"
          checked={shown}
          onChange={(event) => onShown(event.target.checked)}
        />
        Show as table
      </label>
      {shown && (
        <table className="ll-losstable__table" aria-labelledby={captionId}>
          <caption id={captionId}>Loss after each epoch</caption>
          <thead>
            <tr>
              <th scope="col">Epoch</th>
              <th scope="col">Training loss</th>
              <th scope="col">Validation loss</th>
            </tr>
          </thead>
          <tbody>
            {epochSummaries.map((row) => (
              <tr key={row.epoch}>
                <th scope="row">{row.epoch}</th>
                <td className="ll-num">{formatLoss(row.trainLoss)}</td>
                <td className="ll-num">{formatLoss(row.valLoss)}</td>
              </tr>
            ))}
            {epochSummaries.length === 0 && (
              <tr>
                <td colSpan={3}>No epoch has finished yet.</td>
              </tr>
            )}
          </tbody>
          {last && (
            <tfoot>
              <tr>
                <th scope="row">Latest batch</th>
                <td colSpan={2} className="ll-num">
                  step {formatInt(last.step)}: {formatLoss(last.loss)}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </div>
  );
}
