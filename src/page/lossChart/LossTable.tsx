/**
 * The loss chart as a table ("Show as table"): each epoch's losses and the latest batch, for
 * screen readers and for anyone who wants the numbers rather than the picture. For a VAE each
 * loss comes with its two terms, as the chart draws them (issue 25).
 */
import { useId, type ReactNode } from 'react';
import type { LossParts, LossPoint } from '../../shared/protocol';
import { formatInt, formatLoss } from '../ui/format';
import type { EpochLoss } from './lossSeries';

export interface LossTableProps {
  shown: boolean;
  onShown: (shown: boolean) => void;
  losses: LossPoint[];
  epochSummaries: EpochLoss[];
  /** A VAE's run: a column for each term of each loss. */
  parts?: boolean;
}

const PART_HEADERS = ['rebuild term', 'KL term'] as const;

function partCells(parts: LossParts | undefined) {
  const values = parts ? [parts.reconstruction, parts.kl] : [Number.NaN, Number.NaN];
  return values.map((value, i) => (
    <td key={PART_HEADERS[i]} className="ll-num">
      {Number.isNaN(value) ? '–' : formatLoss(value, 1)}
    </td>
  ));
}

/** "step 120: 152.3 (rebuild term 128.1, KL term 24.2)". */
function latestText(last: LossPoint): string {
  const parts = last.parts
    ? ` (rebuild term ${formatLoss(last.parts.reconstruction, 1)}, KL term ${formatLoss(last.parts.kl, 1)})`
    : '';
  return `step ${formatInt(last.step)}: ${formatLoss(last.loss)}${parts}`;
}

/**
 * A VAE's seven columns may not fit a phone: they scroll sideways in a box the keyboard can
 * reach. The standard table stays as it always was.
 */
function TableBox(props: { wide: boolean; labelledBy: string; children: ReactNode }) {
  if (!props.wide) return props.children;
  return (
    <div className="ll-table-wrap" tabIndex={0} role="region" aria-labelledby={props.labelledBy}>
      {props.children}
    </div>
  );
}

export function LossTable({
  shown,
  onShown,
  losses,
  epochSummaries,
  parts = false,
}: LossTableProps) {
  const captionId = useId();
  const last = losses.at(-1);
  const columns = parts ? 7 : 3;
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
        <TableBox wide={parts} labelledBy={captionId}>
          <table className="ll-losstable__table" aria-labelledby={captionId}>
            <caption id={captionId}>
              {parts
                ? 'Loss after each epoch, with its rebuild and KL terms'
                : 'Loss after each epoch'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Epoch</th>
                <th scope="col">Training loss</th>
                {parts &&
                  PART_HEADERS.map((h) => (
                    <th key={h} scope="col">
                      Training {h}
                    </th>
                  ))}
                <th scope="col">Validation loss</th>
                {parts &&
                  PART_HEADERS.map((h) => (
                    <th key={h} scope="col">
                      Validation {h}
                    </th>
                  ))}
              </tr>
            </thead>
            <tbody>
              {epochSummaries.map((row) => (
                <tr key={row.epoch}>
                  <th scope="row">{row.epoch}</th>
                  <td className="ll-num">{formatLoss(row.trainLoss)}</td>
                  {parts && partCells(row.trainParts)}
                  <td className="ll-num">{formatLoss(row.valLoss)}</td>
                  {parts && partCells(row.valParts)}
                </tr>
              ))}
              {epochSummaries.length === 0 && (
                <tr>
                  <td colSpan={columns}>No epoch has finished yet.</td>
                </tr>
              )}
            </tbody>
            {last && (
              <tfoot>
                <tr>
                  <th scope="row">Latest batch</th>
                  <td colSpan={columns - 1} className="ll-num">
                    {latestText(last)}
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        </TableBox>
      )}
    </div>
  );
}
