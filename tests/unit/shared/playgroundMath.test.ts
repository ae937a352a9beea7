import { describe, expect, it } from 'vitest';
import { pca2 } from '../../../src/shared/pca';
import { crossFade, interpolateCodes, nearestCodes } from '../../../src/shared/latentMath';
import {
  BOX_SIDE,
  boundingBox,
  centreOfMass,
  preprocessDrawing,
} from '../../../src/shared/mnistPreprocess';
import { latestOnly } from '../../../src/page/store/latestOnly';
import { mulberry32 } from '../../../src/shared/random';

/** Seeded, so the synthetic data is the same on every run. */
const random = mulberry32;

describe('pca2', () => {
  it('finds known principal axes and their variance shares', () => {
    // Points spread 3:2:0.5 (std) along three orthonormal axes of a 4-D space, then offset.
    const dim = 4;
    const s = Math.SQRT1_2;
    const axes = [
      [s, s, 0, 0],
      [0, 0, 1, 0],
      [s, -s, 0, 0],
    ];
    const stds = [3, 2, 0.5];
    const rand = random(7);
    const count = 4000;
    const rows = new Float32Array(count * dim);
    for (let i = 0; i < count; i++) {
      // Uniform on [-sqrt3, sqrt3] has unit variance.
      const t = stds.map((sd) => sd * (rand() * 2 - 1) * Math.sqrt(3));
      for (let j = 0; j < dim; j++)
        rows[i * dim + j] = 5 + t.reduce((sum, tk, k) => sum + tk * axes[k][j], 0);
    }
    const { axes: found, explained, coords } = pca2(rows, count, dim);
    const dot = (a: ArrayLike<number>, b: number[]) => b.reduce((x, bj, j) => x + a[j] * bj, 0);
    expect(Math.abs(dot(found[0], axes[0]))).toBeCloseTo(1, 2);
    expect(Math.abs(dot(found[1], axes[1]))).toBeCloseTo(1, 2);
    const total = 9 + 4 + 0.25;
    expect(explained[0]).toBeCloseTo(9 / total, 1);
    expect(explained[1]).toBeCloseTo(4 / total, 1);
    // Coordinates are centred: their mean is 0 on both axes.
    let mx = 0;
    for (let i = 0; i < count; i++) mx += coords[i * 2];
    expect(Math.abs(mx / count)).toBeLessThan(1e-3);
  });

  it('projects a 2-D matrix with an exact answer', () => {
    // Points on the line y = x: one axis explains everything.
    const rows = Float32Array.from([0, 0, 1, 1, 2, 2, 3, 3]);
    const { explained, axes, coords } = pca2(rows, 4, 2);
    expect(explained[0]).toBeCloseTo(1, 6);
    expect(explained[1]).toBeCloseTo(0, 6);
    expect(Math.abs(axes[0][0])).toBeCloseTo(Math.SQRT1_2, 6);
    expect(Math.abs(coords[6] - coords[0])).toBeCloseTo(3 * Math.SQRT2, 5);
  });
});

describe('nearestCodes', () => {
  it('returns the k closest rows, nearest first, skipping an excluded row', () => {
    const codes = Float32Array.from([0, 0, 5, 5, 1, 0, 0, 2, 9, 9]);
    // Rows: (0,0) (5,5) (1,0) (0,2) (9,9).
    expect(nearestCodes(codes, 2, [0, 0], 3)).toEqual([0, 2, 3]);
    expect(nearestCodes(codes, 2, [0, 0], 2, 0)).toEqual([2, 3]);
    expect(nearestCodes(codes, 2, [9, 8], 1)).toEqual([4]);
  });
});

describe('interpolation', () => {
  it('has the two codes as its ends and steps evenly between', () => {
    const a = Float32Array.from([0.1, 2, 0]);
    const b = Float32Array.from([1.7, 0, 3.3]);
    const line = interpolateCodes(a, b, 10);
    expect(line.length).toBe(30);
    expect(Array.from(line.subarray(0, 3))).toEqual(Array.from(a));
    expect(Array.from(line.subarray(27, 30))).toEqual(Array.from(b));
    expect(line[5 * 3 + 1]).toBeCloseTo(2 - (2 * 5) / 9, 5);
  });

  it('cross-fades pixels the same way', () => {
    const fade = crossFade([0, 1], [1, 0], 3);
    expect(Array.from(fade)).toEqual([0, 1, 0.5, 0.5, 1, 0]);
  });
});

describe('preprocessDrawing', () => {
  /** A 280x280 pad with a filled ellipse of ink off in a corner. */
  function drawEllipse(cx: number, cy: number, rx: number, ry: number) {
    const width = 280;
    const values = new Float32Array(width * width);
    for (let y = 0; y < width; y++)
      for (let x = 0; x < width; x++)
        if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) values[y * width + x] = 1;
    return { values, width, height: width };
  }

  it('scales the bounding box to 20 pixels and centres it by mass', () => {
    const out = preprocessDrawing(drawEllipse(60, 200, 20, 45));
    expect(out).not.toBeNull();
    const image = out as Float32Array;
    const box = boundingBox({ values: image, width: 28, height: 28 });
    expect(box).not.toBeNull();
    const { x0, x1, y0, y1 } = box as NonNullable<typeof box>;
    expect(Math.max(x1 - x0, y1 - y0)).toBeGreaterThanOrEqual(BOX_SIDE - 1);
    expect(Math.max(x1 - x0, y1 - y0)).toBeLessThanOrEqual(BOX_SIDE);
    const com = centreOfMass(image, 28, 28);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('gives anti-aliased values in 0..1', () => {
    const image = preprocessDrawing(drawEllipse(200, 80, 50, 30)) as Float32Array;
    const values = Array.from(image);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(values.filter((v) => v > 0.05 && v < 0.95).length).toBeGreaterThan(4);
  });

  it('returns null for an empty pad', () => {
    expect(preprocessDrawing({ values: new Float32Array(100), width: 10, height: 10 })).toBeNull();
  });
});

describe('latestOnly, as the decoder sliders use it', () => {
  it('sends the first value, then only the newest of a burst', () => {
    const sent: number[] = [];
    const gate = latestOnly<number>((v) => sent.push(v));
    for (let v = 1; v <= 50; v++) gate.request(v);
    expect(sent).toEqual([1]);
    gate.settled();
    expect(sent).toEqual([1, 50]);
    gate.settled();
    expect(sent).toEqual([1, 50]);
  });
});
