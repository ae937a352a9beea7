import { describe, expect, it } from 'vitest';
import { classCentres } from '../../../../src/page/playground/mapCentres';

describe('classCentres', () => {
  it('averages each digit’s points and skips absent digits', () => {
    const coords = Float32Array.from([0, 0, 2, 4, 10, 10, -1, 3]);
    const labels = Uint8Array.from([3, 3, 7, 7]);
    expect(classCentres(coords, labels)).toEqual([
      { digit: 3, count: 2, x: 1, y: 2 },
      { digit: 7, count: 2, x: 4.5, y: 6.5 },
    ]);
  });
});
