import { describe, expect, it } from 'vitest';
import { legendTicks, scaleColor } from '../../../../src/page/latent/heatmapScale';
import {
  chartTop,
  latentBars,
  latentChartName,
  listUnits,
  niceCeil,
} from '../../../../src/page/latent/latentChartData';

describe('latent bar chart data', () => {
  const code = Float32Array.from([0, 2, 0, 4]);
  const low = Float32Array.from([0, 1, 0, 3]);
  const high = Float32Array.from([0, 3, 0, 5]);

  it('has one bar per unit, a band behind each, and full-height dead columns', () => {
    const bars = latentBars(code, { low, high, dead: [0, 2], sharedTop: null });
    expect(bars.labels).toEqual(['0', '1', '2', '3']);
    expect(bars.values).toEqual([0, 2, 0, 4]);
    expect(bars.band).toEqual([
      [0, 0],
      [1, 3],
      [0, 0],
      [3, 5],
    ]);
    // Its own scale: the band's top (5) plus headroom, rounded up to a readable number.
    expect(bars.top).toBe(6);
    expect(bars.deadColumns).toEqual([[0, bars.top], null, [0, bars.top], null]);
  });

  it('uses the shared top when given, and has no band without a spread', () => {
    const bars = latentBars(code, { dead: [], sharedTop: 10 });
    expect(bars.top).toBe(10);
    expect(bars.band).toBeNull();
    expect(bars.deadColumns.every((c) => c === null)).toBe(true);
  });

  it('gives an all-zero code a visible axis, and rounds tops to readable numbers', () => {
    expect(chartTop(new Float32Array(8))).toBe(1);
    expect(niceCeil(17.02)).toBe(20);
    expect(niceCeil(0.031)).toBeCloseTo(0.04, 10);
    expect(niceCeil(2)).toBe(2);
    expect(niceCeil(9.3)).toBe(10);
  });

  it('gives a signed code (a VAE’s means) an axis from -top to top, 0 in the middle', () => {
    const means = Float32Array.from([-2.7, 0.4, 1.1]);
    const bars = latentBars(means, {
      low: Float32Array.from([-3.4, -0.2, 0.5]),
      high: Float32Array.from([-2, 1, 1.6]),
      dead: [1],
      sharedTop: null,
    });
    // The most negative end of the band (-3.4) sets the size, with headroom.
    expect(bars.top).toBe(4);
    expect(bars.bottom).toBe(-4);
    expect(bars.deadColumns[1]).toEqual([-4, 4]);
    expect(chartTop(means, undefined, Float32Array.from([-3.4]))).toBe(4);
    // A plain (ReLU) code keeps its axis from 0.
    expect(latentBars(Float32Array.from([0, 3]), { dead: [], sharedTop: null }).bottom).toBe(0);
  });

  it('names the units a VAE’s KL term switched off in its own words', () => {
    expect(latentChartName('X', 8, [2, 5], 'kl')).toBe(
      'X: 8 bars, units 2 and 5 switched off by the KL term',
    );
  });

  it('names the chart with its bar count and dead units', () => {
    expect(latentChartName('Latent code of test image #5 (digit 7)', 32, [])).toBe(
      'Latent code of test image #5 (digit 7): 32 bars',
    );
    expect(latentChartName('X', 8, [3])).toBe('X: 8 bars, dead unit 3');
    expect(latentChartName('X', 8, [1, 3, 6])).toBe('X: 8 bars, dead units 1, 3 and 6');
    expect(listUnits([4, 9])).toBe('4 and 9');
  });
});

describe('heatmap colour scale', () => {
  it('runs from viridis purple to yellow, clamped', () => {
    expect(scaleColor(0)).toBe('rgb(68, 1, 84)');
    expect(scaleColor(1)).toBe('rgb(253, 231, 37)');
    expect(scaleColor(2)).toBe(scaleColor(1));
    expect(scaleColor(Number.NaN)).toBe(scaleColor(0));
    expect(legendTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(legendTicks(15.4)).toEqual([0, 5, 10, 15]);
    expect(legendTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(legendTicks(0)).toEqual([0]);
  });
});
