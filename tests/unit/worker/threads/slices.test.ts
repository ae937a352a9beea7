import { describe, expect, it } from 'vitest';
import { RowBalance } from '../../../../src/worker/threads/rowBalance';
import { sliceBatch, sliceRows } from '../../../../src/worker/threads/slices';

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

describe('an uneven cut, the training worker first', () => {
  it('gives the first slice its rows and shares the rest evenly, every row once', () => {
    const slices = sliceBatch(128, 3, 50);
    expect(slices.map((s) => [s.start, s.end])).toEqual([
      [0, 50],
      [50, 89],
      [89, 128],
    ]);
    expect(slices.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
    expect(slices[0].share).toBeCloseTo(50 / 128, 12);
  });

  it('keeps the first slice within the batch', () => {
    expect(sliceBatch(10, 2, 14).map((s) => s.end - s.start)).toEqual([10, 0]);
    expect(sliceBatch(10, 2, -3).map((s) => s.end - s.start)).toEqual([0, 10]);
  });
});

describe('the balance between the training worker and its helpers', () => {
  it('starts even, takes a row more after waiting and one fewer when the helpers were done', () => {
    const balance = new RowBalance(2);
    expect(balance.firstRows(128)).toBe(64);
    balance.record(false, 1.5, 128);
    balance.record(false, 1.5, 128);
    expect(balance.firstRows(128)).toBe(66);
    balance.record(false, 0.1, 128); // a wait as short as the barrier: no change
    expect(balance.firstRows(128)).toBe(66);
    balance.record(true, 0, 128);
    expect(balance.firstRows(128)).toBe(65);
  });

  it('moves at most a quarter of the batch, and leaves every thread a row', () => {
    const balance = new RowBalance(2);
    for (let i = 0; i < 100; i++) balance.record(true, 0, 128);
    expect(balance.firstRows(128)).toBe(32);
    for (let i = 0; i < 200; i++) balance.record(false, 2, 128);
    expect(balance.firstRows(128)).toBe(96);
    expect(balance.firstRows(3)).toBe(2);
    expect(new RowBalance(4).firstRows(4)).toBe(1);
  });
});
