import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BCE_EPSILON, bceMean, bcePerImage } from '../../../../src/worker/kernels/loss';
import { useWasmBackend } from '../../support/tfNode';

beforeAll(useWasmBackend);

/** Keras's formula in plain float64 JavaScript. */
function handBce(y: number[], p: number[]): number {
  const terms = y.map((t, i) => {
    const q = Math.min(Math.max(p[i], BCE_EPSILON), 1 - BCE_EPSILON);
    return -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
  });
  return terms.reduce((a, b) => a + b) / terms.length;
}

describe('Keras binary cross-entropy', () => {
  it('matches a hand computation, clipping at 0 and 1', () => {
    const y = [
      [0, 1, 0.5, 1],
      [1, 0, 0.2, 0],
    ];
    const p = [
      [0.1, 0.8, 0.5, 0],
      [1, 0.3, 0.9, 0.05],
    ];
    const perImage = tf.tidy(() => bcePerImage(tf.tensor2d(y), tf.tensor2d(p)));
    const mean = tf.tidy(() => bceMean(tf.tensor2d(y), tf.tensor2d(p)));
    const expected = [handBce(y[0], p[0]), handBce(y[1], p[1])];
    const got = Array.from(perImage.dataSync());
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    expect(mean.dataSync()[0]).toBeCloseTo((expected[0] + expected[1]) / 2, 4);
    // A confident wrong pixel costs -log(1e-7) / 4 here, finite rather than Infinity.
    expect(Number.isFinite(got[0]) && Number.isFinite(got[1])).toBe(true);
    tf.dispose([perImage, mean]);
  });

  it('is ln 2 for predictions of 0.5', () => {
    const loss = tf.tidy(() => bceMean(tf.ones([2, 784]), tf.fill([2, 784], 0.5)));
    expect(loss.dataSync()[0]).toBeCloseTo(Math.LN2, 6);
    loss.dispose();
  });
});
