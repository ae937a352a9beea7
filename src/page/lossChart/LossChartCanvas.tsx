/**
 * The loss chart's canvas: chart.js and its React wrapper. LossChart loads this module lazily
 * (it is the only reason the page needs chart.js before the latent sections appear), so the
 * first paint and the main chunk do not wait for, or pay for evaluating, chart.js.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
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
import { Line } from 'react-chartjs-2';
import type { LossPoint } from '../../shared/protocol';
import { readChartColors } from '../ui/chartColors';
import type { ComparedRun } from './compareSeries';
import { buildDatasets, buildOptions, compareDataset, type LineData } from './lossChartConfig';
import { createLossSeries, plannedSteps, smoothingFor, syncEpochs, syncLosses } from './lossSeries';
import type { EpochLoss, XY } from './lossSeries';
import { useThrottled } from './useThrottled';

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

export interface LossChartCanvasProps {
  losses: LossPoint[];
  epochSummaries: EpochLoss[];
  /** Right end of the x axis, in epochs. */
  xMax: number;
  compared: readonly ComparedRun[];
  logScale: boolean;
  /** A VAE's run: its two loss terms are drawn too, the KL term on a right-hand axis. */
  parts: boolean;
  /** The chart's text alternative, read by screen readers from the canvas. */
  label: string;
}

/**
 * Redraws at most 4 times a second while training. Each redraw repaints the whole canvas (in
 * software on machines without a GPU, on the page's main thread): at every frame it was the
 * largest cause of the page's long tasks, and a curve read by a class gains nothing from more.
 */
const REDRAW_INTERVAL_MS = 250;

/** New points are appended to the chart's arrays in place (see lossSeries.ts). */
export function LossChartCanvas({
  losses,
  epochSummaries,
  xMax,
  compared,
  logScale,
  parts,
  label,
}: LossChartCanvasProps) {
  const chartRef = useRef<ChartJS<'line', XY[]> | null | undefined>(null);
  const [redrawChart] = useState(() => () => chartRef.current?.update('none'));
  const [series] = useState(createLossSeries);
  const [colors] = useState(() => readChartColors());

  // The current run's datasets share the series' arrays, which grow in place, so chart.js keeps
  // reading them; only a change in the earlier runs (rare: a run ended) makes new datasets.
  const data = useMemo<LineData>(
    () => ({
      datasets: [...buildDatasets(series, colors, parts), ...compared.map(compareDataset)],
    }),
    [series, colors, compared, parts],
  );
  const options = useMemo(
    () => buildOptions(xMax, logScale, colors, parts),
    [xMax, logScale, colors, parts],
  );

  const redraw = useThrottled(redrawChart, REDRAW_INTERVAL_MS);

  useEffect(() => {
    const smoothing = smoothingFor(plannedSteps(losses, xMax));
    if (syncLosses(series, losses, smoothing)) redraw();
    // losses.length too: the history may grow in place inside the same array.
  }, [series, losses, losses.length, xMax, redraw]);

  useEffect(() => {
    syncEpochs(series, epochSummaries);
    redraw();
  }, [series, epochSummaries, epochSummaries.length, redraw]);

  return <Line ref={chartRef} data={data} options={options} updateMode="none" aria-label={label} />;
}
