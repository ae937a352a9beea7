import { describe, expect, it } from 'vitest';
import { gridCodes, gridPositions } from '../../../../src/shared/codeGrid';
import { normalQuantile } from '../../../../src/shared/normal';
import {
  beyondSheet,
  normalCdf,
  planeCoords,
  sheetFraction,
} from '../../../../src/page/playground/codePlane';

describe('the map of the code space', () => {
  it('has a normal CDF that undoes the quantile function', () => {
    for (const p of [0.01, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999])
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-Infinity)).toBe(0);
  });

  it('puts each grid column’s code value at the middle of its cell', () => {
    const side = 20;
    gridPositions(side).forEach((z, column) =>
      expect(sheetFraction(z, side)).toBeCloseTo((column + 0.5) / side, 6),
    );
    // Far out values sit on the edge, not off the sheet.
    expect(sheetFraction(-9, side)).toBe(0);
    expect(sheetFraction(9, side)).toBe(1);
  });

  it('takes 2-number codes as they are, and projects longer ones on the grid’s plane', () => {
    expect(Array.from(planeCoords(Float32Array.from([1, 2, -3, 4]), 2))).toEqual([1, 2, -3, 4]);
    const axes: [number[], number[]] = [
      [0.6, 0.8, 0],
      [0, 0, 1],
    ];
    // The grid's codes lie on the plane, so projecting them gives back their grid places.
    const grid = gridCodes(3, 4, axes);
    const coords = planeCoords(grid, 3, axes);
    const positions = gridPositions(4);
    expect(coords[0]).toBeCloseTo(positions[0], 5); // row 0, column 0: left...
    expect(coords[1]).toBeCloseTo(positions[3], 5); // ...and top
    // Through the origin, not the codes' mean: a shifted code keeps its offset.
    expect(Array.from(planeCoords(Float32Array.from([3, 4, 5]), 3, axes))).toEqual([5, 5]);
  });
});

describe('points beyond the sheet', () => {
  it('are counted, whichever side they leave by', () => {
    expect(beyondSheet(Float32Array.from([0, 0, 1.5, -1.5, 2.5, 0, 0, -3]))).toBe(2);
  });
});
