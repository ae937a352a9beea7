import { describe, expect, it } from 'vitest';
import { GRID_SIDE, gridCodes, gridPositions } from '../../../src/shared/codeGrid';
import { normalQuantile } from '../../../src/shared/normal';

describe('the normal quantile', () => {
  it('inverts the standard normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644854, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('the code-space grid', () => {
  it('spans N(0, 1) from its 5% to its 95% quantile, symmetric about 0', () => {
    const positions = gridPositions();
    expect(positions).toHaveLength(GRID_SIDE);
    expect(positions[0]).toBeCloseTo(-1.644854, 5);
    expect(positions[GRID_SIDE - 1]).toBeCloseTo(1.644854, 5);
    positions.forEach((p, i) => expect(p).toBeCloseTo(-positions[GRID_SIDE - 1 - i], 9));
  });

  it('lays 2-number codes out as a plot: x to the right, y up', () => {
    const side = 3;
    const codes = gridCodes(2, side);
    const [low, mid, high] = gridPositions(side);
    expect(codes).toHaveLength(side * side * 2);
    // Top left is (low x, high y); bottom right is (high x, low y).
    expect(Array.from(codes.slice(0, 2))).toEqual([Math.fround(low), Math.fround(high)]);
    expect(Array.from(codes.slice(-2))).toEqual([Math.fround(high), Math.fround(low)]);
    expect(codes[(1 * side + 1) * 2]).toBeCloseTo(mid, 9);
  });

  it('walks the plane of the two axes given for wider codes', () => {
    const axes: [number[], number[]] = [
      [0, 1, 0],
      [0, 0, -1],
    ];
    const codes = gridCodes(3, 2, axes);
    const [low, high] = gridPositions(2);
    // Row 0 is the top (y high), column 1 is the right (x high).
    expect(Array.from(codes.slice(3, 6))).toEqual([0, Math.fround(high), Math.fround(-high)]);
    expect(codes[9 + 1]).toBeCloseTo(high, 6);
    expect(codes[9 + 2]).toBeCloseTo(-low, 6);
  });
});
