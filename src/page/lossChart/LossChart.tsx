import { lazy, Suspense, useId, useRef, useState, type ReactNode } from 'react';
import type { LossParts, LossPoint } from '../../shared/protocol';
import { lastEpoch, type ComparedRun } from './compareSeries';
import { formatInt, formatLoss } from '../ui/format';
import type { EpochLoss } from './lossSeries';
import { useIdleLatch } from './useIdleLatch';
import { useNearViewport } from '../ui/useNearViewport';

// chart.js is ~60 KB gzip of parsing and evaluating that the first paint does not need, and
// creating the chart is one of the longest tasks of the page's start (100-350 ms on a two-core
// laptop). The canvas arrives in its own chunk, into a box whose size is set by CSS, so nothing
// moves: once it has a run to show, or else at the first idle moment after the digits are in and
// the chart is near the screen, so it does not slow down the download it could not show anyway.
// Until then a placeholder carries the same text alternative.
const LossChartCanvas = lazy(() =>
  import('./LossChartCanvas').then((m) => ({ default: m.LossChartCanvas })),
);

export interface LossChartProps {
  /** The whole batch-loss history of the run; it only grows, or is replaced for a new run. */
  losses: LossPoint[];
  epochSummaries: EpochLoss[];
  /** Epochs planned for the run: the x axis goes from 0 to this (or further, for earlier runs). */
  epochs: number;
  /** Finished runs drawn as faint labelled lines behind the current one. */
  compared?: readonly ComparedRun[];
  /** What the bold line is ("latent 2", "pretrained"), when known. */
  currentLabel?: string | null;
  /** The digits are in: an empty chart is worth creating now (see above). */
  dataReady?: boolean;
  /** The "What am I looking at?" note. */
  explainer?: ReactNode;
  /** Shown under the chart: the "Show as table" alternative (issue 6). */
  table?: ReactNode;
  /** The run is a VAE: its two loss terms are drawn beside the total (issue 25). */
  parts?: boolean;
  /** Earlier runs left off because their loss is on another scale (a VAE's beside the rest). */
  otherScaleRuns?: number;
}

const NO_RUNS: readonly ComparedRun[] = [];

function describe(
  losses: LossPoint[],
  epochSummaries: EpochLoss[],
  compared: readonly ComparedRun[],
  currentLabel: string | null,
): string {
  const current = currentLabel && losses.length ? `, this run: ${currentLabel}` : '';
  const earlier = compared.length
    ? `. Earlier runs (faint lines): ${compared.map((r) => r.label).join('; ')}`
    : '';
  return describeCurrent(losses, epochSummaries) + current + earlier;
}

/** " (rebuild 128.1, KL 24.2)" for a VAE's loss, "" for the others. */
function partsText(parts: LossParts | undefined): string {
  return parts
    ? ` (rebuild term ${formatLoss(parts.reconstruction, 1)}, KL term ${formatLoss(parts.kl, 1)})`
    : '';
}

function describeCurrent(losses: LossPoint[], epochSummaries: EpochLoss[]): string {
  const last = losses.at(-1);
  if (!last) return 'Loss chart: no training steps yet';
  let text = `Loss chart: ${formatInt(last.step)} training steps, latest loss ${formatLoss(last.loss)}${partsText(last.parts)}`;
  const epoch = epochSummaries.at(-1);
  if (epoch) {
    text += `, validation loss after epoch ${epoch.epoch}: ${formatLoss(epoch.valLoss)}${partsText(epoch.valParts)}`;
  }
  return text;
}

function otherScaleText(count: number): string {
  if (count === 0) return '';
  const runs = count === 1 ? 'One earlier run is' : `${formatInt(count)} earlier runs are`;
  return ` ${runs} not drawn: a VAE's loss is summed over the pixels and the other kinds' averaged, so they do not share an axis (see Finished runs).`;
}

/**
 * Training loss per batch (faint), its moving average, and the per-epoch training and
 * validation losses as markers. New points are appended to the chart's arrays in place.
 */
export function LossChart({
  losses,
  epochSummaries,
  epochs,
  compared = NO_RUNS,
  currentLabel = null,
  dataReady = true,
  explainer,
  table,
  parts = false,
  otherScaleRuns = 0,
}: LossChartProps) {
  const titleId = useId();
  const [logScale, setLogScale] = useState(false);
  const xMax = Math.max(epochs, Math.ceil(lastEpoch(compared)));
  const boxRef = useRef<HTMLDivElement>(null);
  const near = useNearViewport(boxRef);
  const idleAfterData = useIdleLatch(near && dataReady);
  const label = describe(losses, epochSummaries, compared, currentLabel);
  const placeholder = <div className="ll-chart__placeholder" role="img" aria-label={label} />;

  return (
    <section className="ll-panel ll-chart" aria-labelledby={titleId}>
      <div className="ll-panel__header">
        <h2 id={titleId} className="ll-panel__title">
          Loss: how far the rebuilds are from the originals
        </h2>
        <label className="ll-toggle">
          <input
            type="checkbox"
            checked={logScale}
            onChange={(event) => setLogScale(event.target.checked)}
          />
          Log scale
        </label>
      </div>
      <div className="ll-chart__canvas" ref={boxRef}>
        {idleAfterData || losses.length > 0 || compared.length > 0 ? (
          <Suspense fallback={placeholder}>
            <LossChartCanvas
              losses={losses}
              epochSummaries={epochSummaries}
              xMax={xMax}
              compared={compared}
              logScale={logScale}
              parts={parts}
              label={label}
            />
          </Suspense>
        ) : (
          placeholder
        )}
      </div>
      {table}
      <p className="ll-panel__note">
        Lower is better. The faint line is every batch, the bold line its moving average. After each
        epoch, a filled diamond marks the training loss and a hollow triangle the loss on test
        images the network never trains on.
        {currentLabel && losses.length ? ` The bold line is this run (${currentLabel}).` : ''}
        {parts
          ? ' For a VAE the loss is the rebuild term plus the KL term: the teal line is the rebuild term and the dashed green line the KL term, read on the right-hand axis; triangles of their colours give each term on the test images after every epoch.'
          : ''}
        {compared.length ? ' Dashed lines are earlier runs, named by what was different.' : ''}
        {otherScaleText(otherScaleRuns)}
      </p>
      {explainer}
    </section>
  );
}
