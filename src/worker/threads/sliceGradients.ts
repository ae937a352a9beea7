/**
 * One slice's part of a batch's gradients: the hand-written step of kernels/backprop.ts on the
 * slice's rows, each gradient and the loss weighted by the slice's share (slices.ts). Adding the
 * parts of every slice gives the batch's gradients, which is what the threads do: each helper
 * computes one part, the training worker another, and sumParts() joins them.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from '../../shared/config';
import { autoencoderGradients, type DenseWeights } from '../kernels/backprop';

// A type alias, so tf.tidy can return it.
export type SlicePart = {
  /** share × the slice's loss; NaN once the predictions are not finite (see trainStep.ts). */
  loss: tf.Scalar;
  /** share × each gradient, keyed by the variable's name. */
  grads: tf.NamedTensorMap;
};

/** Call inside a tidy. */
export function slicePart(
  layers: readonly DenseWeights[],
  images: tf.Tensor2D,
  share: number,
  lossKind: LossKind,
): SlicePart {
  const { loss, prediction, grads } = autoencoderGradients(layers, images, undefined, lossKind);
  const weighted: tf.NamedTensorMap = {};
  for (const [name, grad] of Object.entries(grads)) weighted[name] = tf.mul(grad, share);
  // The same NaN check as the one-thread step: the clip in the loss hides a diverged network.
  const checked = tf.add(loss, tf.mul(tf.sum(prediction), 0));
  return { loss: tf.mul(checked, share), grads: weighted };
}

/** The batch's gradients from the parts of all its slices. Call inside a tidy. */
export function sumParts(parts: readonly tf.NamedTensorMap[]): tf.NamedTensorMap {
  const sum: tf.NamedTensorMap = {};
  for (const name of Object.keys(parts[0])) {
    const terms = parts.map((part) => part[name]);
    sum[name] = terms.length === 1 ? terms[0] : tf.addN(terms);
  }
  return sum;
}
