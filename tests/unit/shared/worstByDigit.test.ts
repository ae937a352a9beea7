import { describe, expect, it } from 'vitest';
import { worstByDigit } from '../../../src/shared/latentMath';
import { mulberry32 } from '../../../src/shared/random';

/** The obvious way: sort each digit's images by loss (stable, so ties keep index order). */
function bySorting(losses: ArrayLike<number>, labels: ArrayLike<number>, k: number) {
  const byDigit: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < Math.min(losses.length, labels.length); i++) byDigit[labels[i]]?.push(i);
  return byDigit.map((indices) => indices.sort((a, b) => losses[b] - losses[a]).slice(0, k));
}

/** Seeded, so the synthetic data is the same on every run. */
const random = mulberry32;

describe('worstByDigit', () => {
  it('gives the same images as sorting each digit by loss', () => {
    const next = random(7);
    const count = 2000;
    const labels = Uint8Array.from({ length: count }, () => Math.floor(next() * 10));
    // Rounded, so many losses tie and the tie order is tested too.
    const losses = Float32Array.from({ length: count }, () => Math.round(next() * 50) / 50);
    for (const k of [1, 8, 300]) {
      expect(worstByDigit(losses, labels, k)).toEqual(bySorting(losses, labels, k));
    }
  });

  it('keeps fewer when a digit has fewer images, and none for k = 0', () => {
    const labels = [3, 3, 5];
    const losses = [0.1, 0.4, 0.2];
    const worst = worstByDigit(losses, labels, 8);
    expect(worst[3]).toEqual([1, 0]);
    expect(worst[5]).toEqual([2]);
    expect(worst[0]).toEqual([]);
    expect(worstByDigit(losses, labels, 0).flat()).toEqual([]);
  });
});
