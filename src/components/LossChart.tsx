import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Chart as ChartJS,
  Decimation,
  Legend,
  LinearScale,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartData, ChartDataset, ChartOptions } from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { LossPoint } from '../shared/protocol';
import { readChartColors } from './chartColors';
import type { ChartColors } from './chartColors';
import { COMPARE_COLORS, lastEpoch, smoothedLine, type ComparedRun } from './compareSeries';
import { formatInt, formatLoss } from './format';
import { createLossSeries, syncEpochs, syncLosses } from './lossSeries';
import type { EpochLoss, LossSeries, XY } from './lossSeries';

// Only what this chart uses (the Line component registers LineController itself).
ChartJS.register(
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
  Decimation,
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
  /** The "What am I looking at?" note. */
  explainer?: ReactNode;
  /** Shown under the chart: the "Show as table" alternative (issue 6). */
  table?: ReactNode;
}

type LineData = ChartData<'line', XY[]>;

const NO_RUNS: readonly ComparedRun[] = [];
type LineDataset = ChartDataset<'line', XY[]>;

function buildDatasets(series: LossSeries, colors: ChartColors): LineDataset[] {
  return [
    {
      label: 'Loss per batch',
      data: series.raw,
      borderColor: colors.raw,
      backgroundColor: colors.raw,
      borderWidth: 1,
      pointRadius: 0,
      pointHoverRadius: 0,
      pointStyle: 'line',
      order: 3,
    },
    {
      label: 'Smoothed loss',
      data: series.smooth,
      borderColor: colors.smooth,
      backgroundColor: colors.smooth,
      borderWidth: colors.lineWidth,
      pointRadius: 0,
      pointHoverRadius: 0,
      pointStyle: 'line',
      order: 2,
    },
    {
      label: 'Training loss (epoch average)',
      data: series.epochTrain,
      showLine: false,
      pointStyle: 'rectRot',
      pointRadius: 6,
      pointHoverRadius: 8,
      backgroundColor: colors.train,
      borderColor: colors.markerEdge,
      borderWidth: 1,
      order: 0,
    },
    {
      label: 'Validation loss (end of epoch)',
      data: series.epochVal,
      showLine: false,
      pointStyle: 'triangle',
      pointRadius: 9,
      pointHoverRadius: 11,
      backgroundColor: colors.markerEdge,
      borderColor: colors.val,
      borderWidth: 3,
      order: 1,
    },
  ];
}

function buildOptions(
  epochs: number,
  logScale: boolean,
  colors: ChartColors,
): ChartOptions<'line'> {
  const font = { size: colors.fontSize };
  const titleFont = { size: colors.fontSize + 1, weight: 'bold' as const };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    scales: {
      x: {
        type: 'linear',
        min: 0,
        max: Math.max(1, epochs),
        title: { display: true, text: 'Epoch', color: colors.text, font: titleFont },
        ticks: { stepSize: epochs <= 20 ? 1 : undefined, color: colors.text, font },
        grid: { color: colors.grid },
      },
      y: {
        type: logScale ? 'logarithmic' : 'linear',
        title: {
          display: true,
          text: 'Loss (binary cross-entropy)',
          color: colors.text,
          font: titleFont,
        },
        ticks: { color: colors.text, font },
        grid: { color: colors.grid },
      },
    },
    plugins: {
      decimation: { enabled: true, algorithm: 'lttb', threshold: 1000 },
      legend: {
        position: 'top',
        labels: {
          usePointStyle: true,
          color: colors.text,
          font,
          padding: 16,
          // Legend in dataset order, not drawing order.
          sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
        },
      },
      tooltip: {
        callbacks: {
          title: (items) => (items.length ? `Epoch ${(items[0].parsed.x ?? 0).toFixed(2)}` : ''),
          label: (item) => `${item.dataset.label ?? ''}: ${formatLoss(item.parsed.y ?? NaN)}`,
        },
      },
    },
  };
}

function compareDataset(run: ComparedRun, index: number): LineDataset {
  const color = COMPARE_COLORS[index % COMPARE_COLORS.length];
  return {
    label: run.label,
    data: smoothedLine(run.losses),
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    borderDash: [6, 4],
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: 'line',
    order: 4,
  };
}

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

function describeCurrent(losses: LossPoint[], epochSummaries: EpochLoss[]): string {
  const last = losses.at(-1);
  if (!last) return 'Loss chart: no training steps yet';
  let text = `Loss chart: ${formatInt(last.step)} training steps, latest loss ${formatLoss(last.loss)}`;
  const epoch = epochSummaries.at(-1);
  if (epoch) {
    text += `, validation loss after epoch ${epoch.epoch}: ${formatLoss(epoch.valLoss)}`;
  }
  return text;
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
  explainer,
  table,
}: LossChartProps) {
  const titleId = useId();
  const chartRef = useRef<ChartJS<'line', XY[]> | null | undefined>(null);
  const [series] = useState(createLossSeries);
  const [colors] = useState(() => readChartColors());
  const [logScale, setLogScale] = useState(false);

  // The current run's datasets share the series' arrays, which grow in place, so chart.js keeps
  // reading them; only a change in the earlier runs (rare: a run ended) makes new datasets.
  const data = useMemo<LineData>(
    () => ({ datasets: [...buildDatasets(series, colors), ...compared.map(compareDataset)] }),
    [series, colors, compared],
  );
  const xMax = Math.max(epochs, Math.ceil(lastEpoch(compared)));
  const options = useMemo(() => buildOptions(xMax, logScale, colors), [xMax, logScale, colors]);

  useEffect(() => {
    if (syncLosses(series, losses)) chartRef.current?.update('none');
    // losses.length too: the history may grow in place inside the same array.
  }, [series, losses, losses.length]);

  useEffect(() => {
    syncEpochs(series, epochSummaries);
    chartRef.current?.update('none');
  }, [series, epochSummaries, epochSummaries.length]);

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
      <div className="ll-chart__canvas">
        <Line
          ref={chartRef}
          data={data}
          options={options}
          updateMode="none"
          aria-label={describe(losses, epochSummaries, compared, currentLabel)}
        />
      </div>
      {table}
      <p className="ll-panel__note">
        Lower is better. The faint line is every batch, the bold line its moving average. After each
        epoch, a filled diamond marks the training loss and a hollow triangle the loss on test
        images the network never trains on.
        {currentLabel && losses.length ? ` The bold line is this run (${currentLabel}).` : ''}
        {compared.length ? ' Dashed lines are earlier runs, named by what was different.' : ''}
      </p>
      {explainer}
    </section>
  );
}
