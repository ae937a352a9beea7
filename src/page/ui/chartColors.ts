/**
 * Chart.js paints on a canvas, so it cannot use CSS variables directly: this reads the
 * chart colours and font size from components.css (the --ll-chart-* variables) once, when
 * the chart mounts, with fallbacks.
 */

export interface ChartColors {
  raw: string;
  smooth: string;
  train: string;
  val: string;
  /** A VAE's two loss terms (issue 25). */
  rebuild: string;
  kl: string;
  markerEdge: string;
  grid: string;
  text: string;
  /** Tick and legend font size in CSS px (titles are one px larger). */
  fontSize: number;
  /** Width of the bold (smoothed) line in CSS px; presenter mode thickens it. */
  lineWidth: number;
}

const FALLBACK: ChartColors = {
  raw: 'rgba(37, 99, 235, 0.28)',
  smooth: '#1d4ed8',
  train: '#c2410c',
  val: '#86198f',
  rebuild: '#0f766e',
  kl: '#4d7c0f',
  markerEdge: '#ffffff',
  grid: 'rgba(15, 23, 42, 0.12)',
  text: '#1f2937',
  fontSize: 14,
  lineWidth: 2.5,
};

export function readChartColors(element: Element = document.documentElement): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) =>
    style.getPropertyValue(`--ll-chart-${name}`).trim() || fallback;
  return {
    raw: read('raw', FALLBACK.raw),
    smooth: read('smooth', FALLBACK.smooth),
    train: read('train', FALLBACK.train),
    val: read('val', FALLBACK.val),
    rebuild: read('rebuild', FALLBACK.rebuild),
    kl: read('kl', FALLBACK.kl),
    markerEdge: read('marker-edge', FALLBACK.markerEdge),
    grid: read('grid', FALLBACK.grid),
    text: read('text', FALLBACK.text),
    fontSize: Number.parseFloat(read('font-size', '')) || FALLBACK.fontSize,
    lineWidth: Number.parseFloat(read('line-width', '')) || FALLBACK.lineWidth,
  };
}
