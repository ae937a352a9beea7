/**
 * Where things sit on the VAE's map of the code space. The grid of decoded digits (gridCodes)
 * puts its columns at N(0, 1)'s quantiles of evenly spaced probabilities, so its cells are
 * evenly spaced in probability, not in code value. The dots of the test codes are placed on the
 * same probability scale, so each dot lies over the cell whose image its code would decode to.
 */
import { GRID_SIDE } from '../../shared/codeGrid';

/** P(Z <= z) for Z ~ N(0, 1) (Abramowitz and Stegun 26.2.17: error below 7.5e-8). */
export function normalCdf(z: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 1 : 0;
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly =
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const upper = (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return z >= 0 ? 1 - upper : upper;
}

/** The probabilities of the grid's first and last columns (codeGrid's 5% and 95%). */
const FIRST = 0.05;
const LAST = 0.95;

/**
 * A code value's place across the sheet of `side` cells, from 0 (left edge) to 1 (right edge):
 * the middle of cell c is at (c + 0.5) / side. Values beyond the sheet are clamped to its edge.
 */
export function sheetFraction(z: number, side = GRID_SIDE): number {
  const cell = (LAST - FIRST) / (side - 1);
  const start = FIRST - cell / 2;
  const fraction = (normalCdf(z) - start) / (cell * side);
  return Math.min(1, Math.max(0, fraction));
}

/**
 * Each code's two numbers on the map's plane, count x 2: a 2-number code is the plane itself;
 * a longer one is projected on the two axes through the origin (not through the codes' mean),
 * the same plane gridCodes lays its grid on.
 */
export function planeCoords(
  codes: ArrayLike<number>,
  dim: number,
  axes?: readonly [ArrayLike<number>, ArrayLike<number>],
): Float32Array {
  const count = Math.floor(codes.length / dim);
  const coords = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    if (dim <= 2 || !axes) {
      coords[i * 2] = codes[i * dim];
      coords[i * 2 + 1] = dim > 1 ? codes[i * dim + 1] : 0;
      continue;
    }
    let x = 0;
    let y = 0;
    for (let k = 0; k < dim; k++) {
      x += codes[i * dim + k] * axes[0][k];
      y += codes[i * dim + k] * axes[1][k];
    }
    coords[i * 2] = x;
    coords[i * 2 + 1] = y;
  }
  return coords;
}

/** How many of the points (count x 2) lie beyond the sheet's edges (and are drawn on them). */
export function beyondSheet(coords: Float32Array, side = GRID_SIDE): number {
  let beyond = 0;
  for (let i = 0; i < coords.length; i += 2) {
    const x = sheetFraction(coords[i], side);
    const y = sheetFraction(coords[i + 1], side);
    if (x === 0 || x === 1 || y === 0 || y === 1) beyond++;
  }
  return beyond;
}

/** Round code values to label the axes with, inside the sheet. */
export const AXIS_TICKS = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5] as const;
