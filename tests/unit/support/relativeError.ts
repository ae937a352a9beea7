import type * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

/** Largest |x − y| over the largest |y|: the error relative to the result's scale. */
export function relativeError(x: tf.Tensor, y: tf.Tensor): number {
  const a = x.dataSync() as Float32Array;
  const b = y.dataSync() as Float32Array;
  expect(a.length).toBe(b.length);
  const scale = b.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-30);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0) / scale;
}

/**
 * Every variable's gradient in `ours` equals tfjs's own (`stock`) to `tolerance`, relative to the
 * largest stock value, which must not be zero (an all-zero gradient would match anything).
 */
export function expectGradsMatch(
  ours: tf.NamedTensorMap,
  stock: tf.NamedTensorMap,
  variables: readonly tf.Variable[],
  tolerance: number,
): void {
  for (const v of variables) {
    const a = ours[v.name].dataSync() as Float32Array;
    const b = stock[v.name].dataSync() as Float32Array;
    const scale = b.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    expect(scale).toBeGreaterThan(0);
    const worst = a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
    expect(worst / scale).toBeLessThan(tolerance);
  }
}
