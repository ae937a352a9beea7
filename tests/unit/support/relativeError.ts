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
