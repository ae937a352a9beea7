/**
 * Binary cross-entropy exactly as Keras reports it for this model: predictions clipped to
 * [1e-7, 1 - 1e-7] (so log never sees 0), the per-pixel loss averaged over the 784 pixels of an
 * image, and that averaged over the images of a batch. Mean squared error too, for comparison.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from '../../shared/config';

/** Keras's backend epsilon, used for the clip. */
export const BCE_EPSILON = 1e-7;

/** One loss per image: the mean over its pixels. Shape [batch]. */
export function bcePerImage(target: tf.Tensor2D, prediction: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const p = tf.clipByValue(prediction, BCE_EPSILON, 1 - BCE_EPSILON);
    const ones = tf.onesLike(target);
    const perPixel = tf.add(
      tf.mul(target, tf.log(p)),
      tf.mul(tf.sub(ones, target), tf.log(tf.sub(tf.onesLike(p), p))),
    );
    return tf.neg(tf.mean(perPixel, 1));
  });
}

/** The batch loss Keras prints: the mean over images of the per-image mean over pixels. */
export function bceMean(target: tf.Tensor2D, prediction: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.mean(bcePerImage(target, prediction)));
}

/** Keras's mean squared error per image: the mean over its pixels of (prediction − target)². */
export function msePerImage(target: tf.Tensor2D, prediction: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.mean(tf.squaredDifference(prediction, target), 1));
}

/** The per-image loss of the chosen kind. Shape [batch]. */
export function lossPerImage(
  kind: LossKind,
  target: tf.Tensor2D,
  prediction: tf.Tensor2D,
): tf.Tensor1D {
  return kind === 'mse' ? msePerImage(target, prediction) : bcePerImage(target, prediction);
}

/** The batch loss of the chosen kind, as Keras prints it. */
export function lossMean(kind: LossKind, target: tf.Tensor2D, prediction: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.mean(lossPerImage(kind, target, prediction)));
}
