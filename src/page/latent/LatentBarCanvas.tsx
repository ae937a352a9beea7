/**
 * The canvas of one latent bar chart. react-chartjs-2 updates a chart in React's commit, so at
 * each epoch's end all ten latent charts were updated (scales, layout, drawing) in one long
 * task. Here the Bar gets the data it was created with and no later props; each change reaches
 * chart.js through frameWork instead, so the charts update one or two per frame.
 */
import { useEffect, useRef, useState } from 'react';
import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { cancelDraw, drawInFrame } from '../ui/frameWork';
import type { BarValue } from './latentChartData';

export type BarData = ChartData<'bar', BarValue[], string>;
type BarChart = ChartJS<'bar', BarValue[], string>;

export interface LatentBarCanvasProps {
  data: BarData;
  options: ChartOptions<'bar'>;
  /** The chart's accessible name. */
  name: string;
}

/** What react-chartjs-2 does on new props: datasets matched by label keep their objects. */
function applyChange(chart: BarChart, data: BarData, options: ChartOptions<'bar'>): void {
  Object.assign(chart.options, options);
  const current = chart.data.datasets;
  chart.data.labels = data.labels;
  chart.data.datasets = data.datasets.map((next) => {
    const match = current.find((dataset) => dataset.label === next.label);
    return match ? Object.assign(match, next) : { ...next };
  });
  // No animation: the bars jump to their new heights, as they did before.
  chart.update('none');
}

export function LatentBarCanvas({ data, options, name }: LatentBarCanvasProps) {
  const chartRef = useRef<BarChart | null>(null);
  // What the chart is created with; react-chartjs-2 never sees a later value.
  const [initial] = useState(() => ({ data, options }));
  const [key] = useState(() => ({}));

  useEffect(() => {
    if (data === initial.data && options === initial.options) return;
    drawInFrame(key, () => {
      if (chartRef.current) applyChange(chartRef.current, data, options);
    });
  }, [data, options, initial, key]);
  useEffect(() => () => cancelDraw(key), [key]);

  return (
    <Bar
      ref={chartRef}
      data={initial.data}
      options={initial.options}
      updateMode="none"
      aria-label={name}
    />
  );
}
