import { describe, expect, it } from 'vitest';
import {
  classMeans,
  classSpread,
  computeLatentStats,
  deadUnits,
  indicesByClass,
  lossByClass,
  nearestMeanAccuracy,
  quantileSorted,
  zeroShares,
} from '../../../src/shared/latentStats';

/** Codes built row by row: rows[i] is image i's code. */
const codesOf = (rows: number[][]) => Float32Array.from(rows.flat());

describe('latent statistics on synthetic codes', () => {
  // Three units. Digit 0: unit 0 is 1, 2, 3 (mean 2); digit 1: unit 1 is 10 or 20 (mean 15).
  const labels = Uint8Array.from([0, 1, 0, 1, 0]);
  const codes = codesOf([
    [1, 0, 0],
    [0, 10, 0],
    [2, 0, 0],
    [0, 20, 0],
    [3, 0, 0],
  ]);

  it('groups images by digit in test-set order, all ten digits present', () => {
    const groups = indicesByClass(labels);
    expect(groups).toHaveLength(10);
    expect(groups[0]).toEqual([0, 2, 4]);
    expect(groups[1]).toEqual([1, 3]);
    expect(groups[7]).toEqual([]);
  });

  it('averages each unit per digit (0 for a digit with no images)', () => {
    const means = classMeans(codes, indicesByClass(labels), 3);
    expect(Array.from(means.subarray(0, 3))).toEqual([2, 0, 0]);
    expect(Array.from(means.subarray(3, 6))).toEqual([0, 15, 0]);
    expect(Array.from(means.subarray(27, 30))).toEqual([0, 0, 0]);
  });

  it('interpolates quantiles as numpy does', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.9)).toBeCloseTo(4.6);
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(quantileSorted([], 0.5)).toBe(0);
  });

  it('gives the 10th-90th percentile band per digit and unit', () => {
    const { low, high } = classSpread(codes, indicesByClass(labels), 3);
    // Digit 0, unit 0 holds 1, 2, 3: 10th percentile 1.2, 90th 2.8.
    expect(low[0]).toBeCloseTo(1.2, 5);
    expect(high[0]).toBeCloseTo(2.8, 5);
    // Digit 1, unit 1 holds 10, 20: 11 and 19.
    expect(low[3 + 1]).toBeCloseTo(11, 4);
    expect(high[3 + 1]).toBeCloseTo(19, 4);
    // A unit that never moves has no spread.
    expect(low[2]).toBe(0);
    expect(high[2]).toBe(0);
  });

  it('finds units that are zero on at least 99% of the images, and no others', () => {
    const n = 1000;
    const rows = Array.from({ length: n }, (_, i) => [
      i + 1, // never zero
      i < 10 ? 0.5 : 0, // zero on exactly 99%: dead
      i < 11 ? 0.5 : 0, // zero on 98.9%: alive
      0, // always zero: dead
    ]);
    const flat = codesOf(rows);
    expect(deadUnits(flat, 4)).toEqual([1, 3]);
    const shares = zeroShares(flat, 4);
    expect(shares[0]).toBe(0);
    expect(shares[1]).toBeCloseTo(0.99, 6);
    expect(shares[3]).toBe(1);
  });

  it('averages the loss per digit and sorts hardest first', () => {
    const losses = Float32Array.from([0.1, 0.3, 0.2, 0.5, 0.3]);
    const sorted = lossByClass(losses, indicesByClass(labels));
    expect(sorted.map((entry) => entry.digit)).toEqual([1, 0]);
    expect(sorted[0].meanLoss).toBeCloseTo(0.4, 6);
    expect(sorted[1].meanLoss).toBeCloseTo(0.2, 6);
    expect(sorted.map((entry) => entry.count)).toEqual([2, 3]);
  });

  it('scores how often an image is nearest its own digit average', () => {
    const groups = indicesByClass(labels);
    const means = classMeans(codes, groups, 3);
    const clean = nearestMeanAccuracy(codes, groups, means, 3);
    expect(clean.overall).toBe(1);
    expect(clean.byDigit[0]).toBe(1);
    expect(Number.isNaN(clean.byDigit[5])).toBe(true);
    // Image 4 now looks like a 1: it is nearer digit 1's average.
    const confused = codesOf([
      [1, 0, 0],
      [0, 10, 0],
      [2, 0, 0],
      [0, 20, 0],
      [0, 14, 0],
    ]);
    const score = nearestMeanAccuracy(confused, groups, classMeans(confused, groups, 3), 3);
    expect(score.byDigit[0]).toBeCloseTo(2 / 3, 6);
    expect(score.overall).toBeCloseTo(4 / 5, 6);
  });

  it('puts it all together, with the heatmap top', () => {
    const stats = computeLatentStats(codes, new Float32Array(5), labels, 3);
    expect(stats.counts.slice(0, 3)).toEqual([3, 2, 0]);
    expect(stats.dead).toEqual([2]); // zero on every image
    expect(stats.maxMean).toBe(15);
    expect(stats.means).toHaveLength(10 * 3);
  });
});
