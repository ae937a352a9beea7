import { describe, expect, it } from 'vitest';
import { firstOfEachClass, samplesAt } from '../../../../src/worker/data/probes';

describe('probe digits', () => {
  it('takes the first image of each class, in class order, skipping absent classes', () => {
    // No 8 in these labels: the probes are the nine classes present.
    const labels = Uint8Array.from([7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5, 9, 7, 3, 4]);
    expect(firstOfEachClass(labels)).toEqual([3, 2, 1, 18, 4, 8, 11, 0, 7]);
  });

  it('copies the chosen images and labels', () => {
    const pixels = new Uint8Array(3 * 784).map((_, i) => Math.floor(i / 784));
    const split = { count: 3, pixels, labels: Uint8Array.from([5, 6, 7]) };
    const samples = samplesAt(split, [2, 0]);
    expect(samples.labels).toEqual([7, 5]);
    expect(samples.pixels[0]).toBe(2);
    expect(samples.pixels[784]).toBe(0);
    expect(samples.pixels.length).toBe(2 * 784);
  });
});
