/**
 * What the loss chart draws and how (datasets and options), kept apart from the component so
 * LossChartCanvas, the lazily loaded part that pulls in chart.js, stays small. Only chart.js's
 * types are imported here: they vanish from the build.
 */
import type { ChartData, ChartDataset, ChartOptions } from 'chart.js';
import type { ChartColors } from '../ui/chartColors';
import { COMPARE_COLORS, smoothedLine, type ComparedRun } from './compareSeries';
import { formatLoss } from '../ui/format';
import type { LossSeries, XY } from './lossSeries';

export type LineData = ChartData<'line', XY[]>;

type LineDataset = ChartDataset<'line', XY[]>;

/**
 * A VAE's two terms (issue 25): each smoothed per batch and on the test digits after each
 * epoch. The KL term is ten times smaller than the rest, so it has its own axis on the right.
 */
function partDatasets(series: LossSeries, colors: ChartColors): LineDataset[] {
  const line = (color: string) => ({
    borderColor: color,
    backgroundColor: color,
    borderWidth: Math.max(1.5, colors.lineWidth - 0.5),
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: 'line' as const,
    order: 2,
  });
  const marker = (color: string) => ({
    showLine: false,
    pointStyle: 'triangle' as const,
    pointRadius: 7,
    pointHoverRadius: 9,
    backgroundColor: colors.markerEdge,
    borderColor: color,
    borderWidth: 3,
    order: 1,
  });
  return [
    { label: 'Rebuild term', data: series.rebuild, ...line(colors.rebuild) },
    {
      label: 'KL term (right)',
      data: series.kl,
      yAxisID: 'y2',
      borderDash: [6, 3],
      ...line(colors.kl),
    },
    { label: 'Rebuild, test', data: series.epochValRebuild, ...marker(colors.rebuild) },
    { label: 'KL, test', data: series.epochValKl, yAxisID: 'y2', ...marker(colors.kl) },
  ];
}

const UNLISTED: readonly string[] = ['Rebuild, test', 'KL, test'];

/** `parts`: the run is a VAE, whose loss is drawn beside its two terms. */
export function buildDatasets(
  series: LossSeries,
  colors: ChartColors,
  parts = false,
): LineDataset[] {
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
    ...(parts ? partDatasets(series, colors) : []),
  ];
}

export function buildOptions(
  epochs: number,
  logScale: boolean,
  colors: ChartColors,
  parts = false,
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
          text: parts ? 'Loss (sum over 784 pixels)' : 'Loss (binary cross-entropy)',
          color: colors.text,
          font: titleFont,
        },
        ticks: { color: colors.text, font },
        grid: { color: colors.grid },
      },
      // Only a VAE's KL term uses it; hidden otherwise so the standard chart is as it was.
      y2: {
        display: parts,
        position: 'right',
        type: logScale ? 'logarithmic' : 'linear',
        title: { display: true, text: 'KL term', color: colors.text, font: titleFont },
        ticks: { color: colors.text, font },
        grid: { drawOnChartArea: false },
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
          // A VAE's test triangles share their line's colour, and the note under the chart says
          // so: two legend entries fewer keep the legend from eating the plot on a laptop.
          filter: (item) => !UNLISTED.includes(item.text),
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

export function compareDataset(run: ComparedRun, index: number): LineDataset {
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
