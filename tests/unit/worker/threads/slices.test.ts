import { describe, expect, it } from 'vitest';
import { sliceRows } from '../../../../src/worker/threads/slices';

describe('cutting a batch between threads', () => {
  it('covers every row once, in order, with sizes at most one apart', () => {
    for (const [rows, parts] of [
      [128, 2],
      [128, 3],
      [96, 8],
      [7, 3],
      [2, 4],
    ]) {
      const slices = sliceRows(rows, parts);
      expect(slices).toHaveLength(parts);
      expect(slices[0].start).toBe(0);
      expect(slices.at(-1)?.end).toBe(rows);
      slices.slice(1).forEach((s, i) => expect(s.start).toBe(slices[i].end));
      const sizes = slices.map((s) => s.end - s.start);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('weighs each slice by its share of the rows, and the shares add up to one', () => {
    const slices = sliceRows(10, 3);
    expect(slices.map((s) => s.end - s.start)).toEqual([4, 3, 3]);
    expect(slices.map((s) => s.share)).toEqual([0.4, 0.3, 0.3]);
    expect(slices.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
  });

  it('gives empty slices a share of zero', () => {
    const slices = sliceRows(1, 3);
    expect(slices.map((s) => s.share)).toEqual([1, 0, 0]);
  });
});
