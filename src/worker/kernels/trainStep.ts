/**
 * One optimisation step: the hand-written gradients of backprop.ts, then Adam. The model stays a
 * plain LayersModel (for predict, summary, save); the step reads and updates its own variables.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { LossKind } from '../../shared/config';
import { autoencoderGradients, prefersExplicitTranspose, type DenseWeights } from './backprop';
import { activationOf, denseLayers } from '../models/model';

/** Runs one step on a [batch, 784] tensor of pixels in [0, 1]; returns the batch loss. */
export type TrainStepFn = (images: tf.Tensor2D) => tf.Scalar;

/** The tf.Variables behind the model's Dense layers (LayerVariable.read() hands out the variable). */
export function denseWeights(model: tfl.LayersModel): DenseWeights[] {
  return denseLayers(model).map((layer) => {
    const [kernel, bias] = layer.trainableWeights.map((w) => w.read());
    if (!(kernel instanceof tf.Variable) || !(bias instanceof tf.Variable)) {
      throw new Error(`layer ${layer.name} does not hold a kernel and a bias variable`);
    }
    // Read from the layer, not assumed: the latent activation is configurable and loaded
    // models bring their own.
    return { kernel, bias, activation: activationOf(layer) };
  });
}

/** Adam with Keras's defaults (beta1 0.9, beta2 0.999, epsilon 1e-7; tfjs's own is 1e-7 too). */
export function kerasAdam(learningRate: number): tf.AdamOptimizer {
  return tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
}

/** A step function bound to one model and one optimizer. */
export function makeTrainStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  lossKind: LossKind = 'bce',
): TrainStepFn {
  const layers = denseWeights(model);
  const explicitTranspose = prefersExplicitTranspose();
  return (images) =>
    tf.tidy(() => {
      const { loss, prediction, grads } = autoencoderGradients(
        layers,
        images,
        explicitTranspose,
        lossKind,
      );
      optimizer.applyGradients(grads);
      // 0 normally, NaN once the weights (hence predictions) hold NaN or Infinity. Needed
      // because the clip in the loss turns NaN into 1e-7 on wasm, so a diverged run would
      // report a finite loss forever.
      return tf.add<tf.Scalar>(loss, tf.mul(tf.sum(prediction), 0));
    });
}
