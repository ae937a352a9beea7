import { describe, expect, it } from 'vitest';
import {
  createLossSeries,
  plannedSteps,
  SMOOTHING,
  smoothingFor,
  syncEpochs,
  syncLosses,
} from '../../../../src/page/lossChart/lossSeries';
import { enabledButtons } from '../../../../src/page/training/controlRules';
import { formatClock, formatRatio } from '../../../../src/page/ui/format';
import type { LossPoint } from '../../../../src/shared/protocol';

const points = (losses: number[], from = 0): LossPoint[] =>
  losses.map((loss, i) => ({ step: from + i + 1, epoch: (from + i + 1) / 10, loss }));

describe('lossSeries', () => {
  it('appends only the new points when the history grows (new array, same start)', () => {
    const series = createLossSeries();
    const first = points([0.7, 0.6]);
    expect(syncLosses(series, first)).toBe(true);
    const raw = series.raw;
    const grown = first.concat(points([0.5], 2));
    expect(syncLosses(series, grown)).toBe(true);
    expect(series.raw).toBe(raw); // same array, grown in place
    expect(series.raw.map((p) => p.y)).toEqual([0.7, 0.6, 0.5]);
    expect(syncLosses(series, grown)).toBe(false);
  });

  it('bias-corrects the moving average so it starts at the first loss', () => {
    const series = createLossSeries();
    syncLosses(series, points([0.7, 0.5]));
    expect(series.smooth[0].y).toBeCloseTo(0.7, 10);
    const expected =
      (SMOOTHING * (1 - SMOOTHING) * 0.7 + (1 - SMOOTHING) * 0.5) / (1 - SMOOTHING ** 2);
    expect(series.smooth[1].y).toBeCloseTo(expected, 10);
  });

  it('smooths a short run lightly and a long one over ~20 batches, fixed for the run', () => {
    expect(smoothingFor(4690)).toBeCloseTo(SMOOTHING, 10);
    expect(smoothingFor(100_000)).toBeCloseTo(SMOOTHING, 10);
    expect(smoothingFor(469)).toBeCloseTo(1 - 200 / 469, 10);
    expect(smoothingFor(120)).toBe(0.5);
    // 10 steps an epoch (points() below), 12 epochs planned.
    expect(plannedSteps(points([0.7]), 12)).toBeCloseTo(120, 10);
    expect(plannedSteps([], 12)).toBe(Number.POSITIVE_INFINITY);

    const series = createLossSeries();
    syncLosses(series, points([0.7, 0.4]), 0);
    // No smoothing: the line is the losses themselves, and stays so as the run grows.
    expect(series.smooth.map((p) => p.y)).toEqual([0.7, 0.4]);
    syncLosses(series, points([0.7, 0.4, 0.3]), SMOOTHING);
    expect(series.smooth.map((p) => p.y)).toEqual([0.7, 0.4, 0.3]);
  });

  it('starts over when a new run replaces the history', () => {
    const series = createLossSeries();
    syncLosses(series, points([0.7, 0.6, 0.5]));
    expect(syncLosses(series, points([0.69]))).toBe(true);
    expect(series.raw.map((p) => p.y)).toEqual([0.69]);
    expect(series.smooth[0].y).toBeCloseTo(0.69, 10);
    syncLosses(series, points([0.7, 0.6, 0.5]));
    expect(syncLosses(series, points([0.1, 0.2, 0.3, 0.4]))).toBe(true);
    expect(series.raw.map((p) => p.y)).toEqual([0.1, 0.2, 0.3, 0.4]);
  });

  it('rebuilds the epoch markers', () => {
    const series = createLossSeries();
    syncEpochs(series, [{ epoch: 1, trainLoss: 0.2, valLoss: 0.15 }]);
    syncEpochs(series, [
      { epoch: 1, trainLoss: 0.2, valLoss: 0.15 },
      { epoch: 2, trainLoss: 0.12, valLoss: 0.11 },
    ]);
    expect(series.epochVal).toEqual([
      { x: 1, y: 0.15 },
      { x: 2, y: 0.11 },
    ]);
  });
});

describe('Controls rules', () => {
  it('enables each button only when it can act', () => {
    expect(enabledButtons(false, 'idle')).toEqual({
      train: false,
      pause: false,
      resume: false,
      step: false,
      stop: false,
      reset: false,
    });
    expect(enabledButtons(true, 'idle')).toEqual({
      train: true,
      pause: false,
      resume: false,
      step: true,
      stop: false,
      reset: true,
    });
    expect(enabledButtons(true, 'running')).toEqual({
      train: false,
      pause: true,
      resume: false,
      step: false,
      stop: true,
      reset: false,
    });
    expect(enabledButtons(true, 'paused')).toEqual({
      train: false,
      pause: false,
      resume: true,
      step: true,
      stop: true,
      reset: true,
    });
    expect(enabledButtons(true, 'done').train).toBe(true);
    expect(enabledButtons(true, 'stopped').reset).toBe(true);
  });
});

describe('format', () => {
  it('formats clocks and ratios', () => {
    expect(formatClock(83_000)).toBe('01:23');
    expect(formatClock(75 * 60_000 + 3_000)).toBe('75:03');
    expect(formatRatio(784 / 32)).toBe('24.5');
    expect(formatRatio(784 / 16)).toBe('49');
  });

  it('smooths a VAE’s two terms like the loss and keeps their validation values', () => {
    const series = createLossSeries();
    const losses = [
      { step: 1, epoch: 0.5, loss: 550, parts: { reconstruction: 545, kl: 5 } },
      { step: 2, epoch: 1, loss: 300, parts: { reconstruction: 280, kl: 20 } },
    ];
    syncLosses(series, losses, 0);
    expect(series.rebuild.map((p) => p.y)).toEqual([545, 280]);
    expect(series.kl.map((p) => p.y)).toEqual([5, 20]);
    syncEpochs(series, [
      { epoch: 1, trainLoss: 425, valLoss: 290, valParts: { reconstruction: 270, kl: 20 } },
    ]);
    expect(series.epochValRebuild).toEqual([{ x: 1, y: 270 }]);
    expect(series.epochValKl).toEqual([{ x: 1, y: 20 }]);
    // A standard run has no terms: the extra lines stay empty.
    const plain = createLossSeries();
    syncLosses(plain, points([0.7, 0.5]));
    expect(plain.rebuild).toEqual([]);
  });
});
