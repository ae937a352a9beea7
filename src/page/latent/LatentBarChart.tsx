import { memo, useMemo, useRef, useState } from 'react';
import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import type { ChartOptions, ScriptableScaleContext } from 'chart.js';
import { readChartColors, type ChartColors } from '../ui/chartColors';
import { formatActivation } from './heatmapScale';
import { LatentBarCanvas, type BarData } from './LatentBarCanvas';
import { LatentTable } from './LatentTable';
import {
  latentBars,
  latentChartName,
  type BarValue,
  type LatentBars,
  type OffReason,
} from './latentChartData';
import { useNearViewport } from '../ui/useNearViewport';

// Only what a bar chart needs (the Bar component registers BarController itself).
ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip);

export interface LatentBarChartProps {
  /** One number per latent unit: an image's code, or a digit's average code. */
  values: ArrayLike<number>;
  /** The digit's spread per unit (e.g. 10th and 90th percentile), drawn behind the bars. */
  low?: ArrayLike<number>;
  high?: ArrayLike<number>;
  /** Units that are (almost) always zero. */
  dead: readonly number[];
  /** The y axis top shared by the charts on screen, or null for this chart's own scale. */
  sharedTop: number | null;
  /** Why the `dead` units are marked: ReLU zeros, or a VAE's KL term (default: ReLU). */
  offReason?: OffReason;
  /** Whether the axis goes below 0 (a VAE's means); by default, when this chart's values do. */
  signed?: boolean;
  /** What the chart shows, e.g. "Latent code of test image #123 (digit 7)"; the bar count is added. */
  title: string;
  /** Legend text for the bars, e.g. "This image". */
  valuesLabel: string;
  /** Legend text for the band, e.g. "Middle 80% of all 7s". */
  bandLabel?: string;
  variant?: 'sample' | 'average';
}

interface LatentColors {
  bar: string;
  average: string;
  band: string;
  bandEdge: string;
  dead: string;
}

function readLatentColors(): LatentColors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) =>
    style.getPropertyValue(`--ll-latent-${name}`).trim() || fallback;
  return {
    bar: read('bar', '#1d4ed8'),
    average: read('average', '#0f766e'),
    band: read('band', 'rgba(217, 119, 6, 0.22)'),
    bandEdge: read('band-edge', 'rgba(180, 83, 9, 0.75)'),
    dead: read('dead', '#6b7280'),
  };
}

/** Diagonal hatching, so dead columns differ by texture and not by colour alone. */
function hatch(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return color;
  context.strokeStyle = color;
  context.lineWidth = 1.5;
  context.beginPath();
  for (const offset of [-8, 0, 8]) {
    context.moveTo(offset, 8);
    context.lineTo(offset + 8, 0);
  }
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? color;
}

const DEAD_LABEL = 'Dead unit (always 0)';
const OFF_TIP: Record<OffReason, string> = {
  relu: 'Dead unit: zero on 99% or more of the test images',
  kl: 'Switched off by the KL term: its code is noise whatever the digit',
};

interface Legends {
  valuesLabel: string;
  bandLabel: string;
  average: boolean;
}

function buildData(
  bars: LatentBars,
  legends: Legends,
  colors: LatentColors,
  deadFill: CanvasPattern | string,
): BarData {
  const datasets: BarData['datasets'] = [
    {
      label: legends.valuesLabel,
      data: bars.values,
      backgroundColor: legends.average ? colors.average : colors.bar,
      barPercentage: 0.55,
      categoryPercentage: 1,
      grouped: false,
      order: 0,
    },
  ];
  if (bars.band) {
    datasets.push({
      label: legends.bandLabel,
      data: bars.band,
      backgroundColor: colors.band,
      borderColor: colors.bandEdge,
      borderWidth: 1,
      barPercentage: 0.95,
      categoryPercentage: 1,
      grouped: false,
      order: 1,
    });
  }
  if (bars.deadColumns.some((column) => column !== null)) {
    datasets.push({
      label: DEAD_LABEL,
      data: bars.deadColumns,
      backgroundColor: deadFill,
      borderColor: colors.dead,
      borderWidth: 1,
      barPercentage: 1,
      categoryPercentage: 1,
      grouped: false,
      order: 2,
    });
  }
  return { labels: bars.labels, datasets };
}

function buildOptions(
  bars: LatentBars,
  dead: ReadonlySet<number>,
  chart: ChartColors,
  colors: LatentColors,
  offReason: OffReason,
): ChartOptions<'bar'> {
  const font = { size: chart.fontSize };
  const titleFont = { size: chart.fontSize, weight: 'bold' as const };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      x: {
        grid: { display: false },
        title: { display: true, text: 'Unit of the code', color: chart.text, font: titleFont },
        ticks: {
          font,
          maxRotation: 0,
          autoSkip: true,
          color: (context: ScriptableScaleContext) =>
            dead.has(context.index) ? colors.dead : chart.text,
          // A dead unit's tick says so in words, under its number.
          callback: (_value, index) => (dead.has(index) ? [String(index), 'off'] : String(index)),
        },
      },
      y: {
        min: bars.bottom,
        max: bars.top,
        title: {
          display: true,
          // A VAE's code is the mean its encoder gives; a plain one's is the unit's activation.
          text: offReason === 'kl' ? 'Mean' : 'Activation',
          color: chart.text,
          font: titleFont,
        },
        ticks: { color: chart.text, font, maxTicksLimit: 6 },
        grid: { color: chart.grid },
      },
    },
    plugins: {
      // One HTML key (LatentLegend) serves every chart; each keeps its height for the bars.
      legend: { display: false },
      tooltip: {
        callbacks: {
          title: (items) => (items.length ? `Unit ${items[0].dataIndex}` : ''),
          label: (item) => {
            const name = item.dataset.label ?? '';
            const raw = item.raw as BarValue;
            if (name === DEAD_LABEL) return OFF_TIP[offReason];
            if (Array.isArray(raw))
              return `${name}: ${formatActivation(raw[0])} to ${formatActivation(raw[1])}`;
            return `${name}: ${formatActivation(Number(raw))}`;
          },
        },
      },
    },
  };
}

/**
 * One latent vector as bars (unit on x, activation on y), with spread and dead units.
 * Memoised: a chart whose code, band and scale did not change (e.g. when only a sample's
 * rebuild arrived) is not built again.
 */
export const LatentBarChart = memo(function LatentBarChart(props: LatentBarChartProps) {
  const { values, low, high, dead, sharedTop, title, valuesLabel, variant, signed } = props;
  const offReason = props.offReason ?? 'relu';
  const bandLabel = props.bandLabel ?? 'Spread';
  const [chartColors] = useState(() => readChartColors());
  const [colors] = useState(readLatentColors);
  const [deadFill] = useState(() => hatch(colors.dead));

  const bars = useMemo(
    () => latentBars(values, { low, high, dead, sharedTop, signed }),
    [values, low, high, dead, sharedTop, signed],
  );
  const deadSet = useMemo(() => new Set(dead), [dead]);
  const data = useMemo(
    () =>
      buildData(bars, { valuesLabel, bandLabel, average: variant === 'average' }, colors, deadFill),
    [bars, valuesLabel, bandLabel, variant, colors, deadFill],
  );
  const options = useMemo(
    () => buildOptions(bars, deadSet, chartColors, colors, offReason),
    [bars, deadSet, chartColors, colors, offReason],
  );
  // The latent sections appear with several of these at once, far below the first screen:
  // creating each chart.js chart is a long task, so it waits until the chart nears the screen.
  // The placeholder has the same box (set by CSS) and the same text alternative.
  const boxRef = useRef<HTMLDivElement>(null);
  const near = useNearViewport(boxRef);
  const name = latentChartName(title, values.length, dead, offReason);

  return (
    <div className="ll-latent-chart-wrap">
      <div className="ll-latent-chart" ref={boxRef}>
        {near ? (
          <LatentBarCanvas data={data} options={options} name={name} />
        ) : (
          <div className="ll-chart__placeholder" role="img" aria-label={name} />
        )}
      </div>
      <LatentTable
        title={title}
        valuesLabel={valuesLabel}
        values={values}
        low={low}
        high={high}
        bandLabel={bandLabel}
        dead={dead}
        offReason={offReason}
      />
    </div>
  );
});
