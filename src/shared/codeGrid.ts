/**
 * The VAE's map of the code space: a grid of codes laid over the latent plane, to be decoded
 * into a sheet of digits. Along each side the positions are N(0, 1)'s quantiles of evenly spaced
 * probabilities (5% to 95%), so the grid covers the middle of the prior the codes are pulled
 * towards, with the same share of it between neighbours. With more than two code numbers the
 * plane is the one of the test codes' first two principal directions, through the origin.
 */
import { normalQuantile } from './normal';

/** About 20 x 20, as in the Keras VAE example. */
export const GRID_SIDE = 20;
const LOW = 0.05;
const HIGH = 0.95;

/** `side` positions from N(0, 1)'s 5% quantile (about −1.64) to its 95% (about +1.64). */
export function gridPositions(side = GRID_SIDE): number[] {
  return Array.from({ length: side }, (_, i) =>
    normalQuantile(side === 1 ? 0.5 : LOW + ((HIGH - LOW) * i) / (side - 1)),
  );
}

/**
 * side x side codes, row-major, dim numbers each: row r, column c is x·axisX + y·axisY with x
 * the c-th position and y the r-th from the top (so up is positive, as on a plot). Without
 * `axes` the plane is that of the first two code numbers.
 */
export function gridCodes(
  dim: number,
  side = GRID_SIDE,
  axes?: readonly [ArrayLike<number>, ArrayLike<number>],
): Float32Array {
  const positions = gridPositions(side);
  const codes = new Float32Array(side * side * dim);
  for (let row = 0; row < side; row++) {
    const y = positions[side - 1 - row];
    for (let col = 0; col < side; col++) {
      const x = positions[col];
      const at = (row * side + col) * dim;
      if (!axes) {
        codes[at] = x;
        if (dim > 1) codes[at + 1] = y;
        continue;
      }
      for (let k = 0; k < dim; k++) codes[at + k] = x * axes[0][k] + y * axes[1][k];
    }
  }
  return codes;
}
