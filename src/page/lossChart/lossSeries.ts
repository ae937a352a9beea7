/**
 * The loss chart's data, kept in plain arrays that grow in place so chart.js can redraw
 * without copying: raw batch losses, an exponential moving average of them, and the
 * per-epoch train and validation losses; for a VAE also its two terms, smoothed the same way,
 * and their validation values. Appending n new points costs O(n).
 */
import type { LossParts, LossPoint } from '../../shared/protocol';

export interface XY {
  x: number;
  y: number;
}

export interface EpochLoss {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** A VAE's two terms (issue 25). */
  trainParts?: LossParts;
  valParts?: LossParts;
}

/** Weight of the previous average on a long run: ~20 batches of memory. */
export const SMOOTHING = 0.95;

/**
 * The weight for a run of `plannedSteps` batches: a memory of 1/200 of the run, from 2 batches
 * up to SMOOTHING's 20. With a fixed 20 on a demo of a few hundred steps, the average
 * trailed far above a loss that falls fast, as if the network learned slower than it does.
 */
export function smoothingFor(plannedSteps: number): number {
  const memory = Math.min(1 / (1 - SMOOTHING), Math.max(2, plannedSteps / 200));
  return 1 - 1 / memory;
}

/** A run's planned batches, read off its first loss point (step / epoch) and its epochs. */
export function plannedSteps(losses: readonly LossPoint[], epochs: number): number {
  const first = losses[0];
  return first && first.epoch > 0 ? (first.step / first.epoch) * epochs : Number.POSITIVE_INFINITY;
}

export interface LossSeries {
  raw: XY[];
  smooth: XY[];
  epochTrain: XY[];
  epochVal: XY[];
  /** A VAE's terms per batch (smoothed like the loss) and on the test digits after each epoch. */
  rebuild: XY[];
  kl: XY[];
  epochValRebuild: XY[];
  epochValKl: XY[];
  /** Weight of the previous average for this run (see smoothingFor). */
  smoothing: number;
  /** Running average before bias correction, and how many losses it has seen. */
  ema: number;
  emaRebuild: number;
  emaKl: number;
  seen: number;
  /** The last history point folded in, to tell "appended" from "a new run". */
  lastStep: number;
  lastLoss: number;
}

export function createLossSeries(): LossSeries {
  return {
    raw: [],
    smooth: [],
    epochTrain: [],
    epochVal: [],
    rebuild: [],
    kl: [],
    epochValRebuild: [],
    epochValKl: [],
    smoothing: SMOOTHING,
    ema: 0,
    emaRebuild: 0,
    emaKl: 0,
    seen: 0,
    lastStep: Number.NaN,
    lastLoss: Number.NaN,
  };
}

function clearLosses(series: LossSeries): void {
  series.raw.length = 0;
  series.smooth.length = 0;
  series.rebuild.length = 0;
  series.kl.length = 0;
  series.ema = 0;
  series.emaRebuild = 0;
  series.emaKl = 0;
  series.seen = 0;
  series.lastStep = Number.NaN;
  series.lastLoss = Number.NaN;
}

/** True when `losses` still starts with everything the series has already taken in. */
function continuesSeries(series: LossSeries, losses: readonly LossPoint[]): boolean {
  if (series.seen === 0) return true;
  if (losses.length < series.seen) return false;
  const last = losses[series.seen - 1];
  return last.step === series.lastStep && Object.is(last.loss, series.lastLoss);
}

/**
 * Brings the series up to date with the whole loss history. The history may be the same
 * array grown in place, a new array with the same start (immutable appends), or a new run.
 * Returns true when anything changed.
 */
export function syncLosses(
  series: LossSeries,
  losses: readonly LossPoint[],
  smoothing = SMOOTHING,
): boolean {
  let changed = false;
  if (!continuesSeries(series, losses)) {
    clearLosses(series);
    changed = true;
  }
  // Fixed for the whole run, so the line already drawn stays true.
  if (series.seen === 0) series.smoothing = smoothing;
  const weight = series.smoothing;
  for (let i = series.seen; i < losses.length; i++) {
    const { epoch, loss, parts } = losses[i];
    series.ema = weight * series.ema + (1 - weight) * loss;
    series.seen += 1;
    // Bias correction: without it the average would start near zero.
    const correction = 1 - weight ** series.seen;
    series.raw.push({ x: epoch, y: loss });
    series.smooth.push({ x: epoch, y: series.ema / correction });
    if (parts) {
      series.emaRebuild = weight * series.emaRebuild + (1 - weight) * parts.reconstruction;
      series.emaKl = weight * series.emaKl + (1 - weight) * parts.kl;
      series.rebuild.push({ x: epoch, y: series.emaRebuild / correction });
      series.kl.push({ x: epoch, y: series.emaKl / correction });
    }
    series.lastStep = losses[i].step;
    series.lastLoss = loss;
    changed = true;
  }
  return changed;
}

/** Replaces the per-epoch markers (a handful of points: rebuilt every time). */
export function syncEpochs(series: LossSeries, summaries: readonly EpochLoss[]): void {
  series.epochTrain.length = 0;
  series.epochVal.length = 0;
  series.epochValRebuild.length = 0;
  series.epochValKl.length = 0;
  for (const { epoch, trainLoss, valLoss, valParts } of summaries) {
    series.epochTrain.push({ x: epoch, y: trainLoss });
    series.epochVal.push({ x: epoch, y: valLoss });
    if (valParts) {
      series.epochValRebuild.push({ x: epoch, y: valParts.reconstruction });
      series.epochValKl.push({ x: epoch, y: valParts.kl });
    }
  }
}
