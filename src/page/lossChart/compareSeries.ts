/**
 * Earlier runs as faint lines on the loss chart: each run's batch losses smoothed like the main
 * line and thinned to a few hundred points, so eight runs cost chart.js almost nothing.
 */
import type { LossPoint } from '../../shared/protocol';
import { smoothingFor, type XY } from './lossSeries';

export const MAX_COMPARE_POINTS = 300;

export interface ComparedRun {
  id: number;
  label: string;
  losses: readonly LossPoint[];
}

/** The bias-corrected moving average of `losses`, at most `maxPoints` of it (evenly spaced). */
export function smoothedLine(losses: readonly LossPoint[], maxPoints = MAX_COMPARE_POINTS): XY[] {
  const every = Math.max(1, Math.ceil(losses.length / maxPoints));
  const line: XY[] = [];
  // As the main line would have smoothed it: by the steps the run got to.
  const weight = smoothingFor(losses.at(-1)?.step ?? 0);
  let ema = 0;
  losses.forEach((point, i) => {
    ema = weight * ema + (1 - weight) * point.loss;
    const smoothed = ema / (1 - weight ** (i + 1));
    if (i % every === 0 || i === losses.length - 1) line.push({ x: point.epoch, y: smoothed });
  });
  return line;
}

/** Muted colours, told apart by hue, for up to eight earlier runs. */
export const COMPARE_COLORS = [
  'rgba(15, 118, 110, 0.6)',
  'rgba(180, 83, 9, 0.6)',
  'rgba(124, 58, 237, 0.6)',
  'rgba(190, 18, 60, 0.6)',
  'rgba(21, 128, 61, 0.6)',
  'rgba(3, 105, 161, 0.6)',
  'rgba(161, 98, 7, 0.6)',
  'rgba(77, 124, 15, 0.6)',
];

/** The furthest epoch any earlier run reached, so the x axis shows all of them. */
export function lastEpoch(runs: readonly ComparedRun[]): number {
  return runs.reduce((max, run) => Math.max(max, run.losses.at(-1)?.epoch ?? 0), 0);
}
