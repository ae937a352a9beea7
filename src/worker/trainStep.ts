/**
 * One optimisation step: forward through the autoencoder's own weights with the fast dense
 * layers, Keras BCE against the input, Adam update. The model stays a plain LayersModel (for
 * predict, summary, save); only the training forward pass is written out here.
 */
import * as tf from '@tensorflow/tfjs';
import { fastDense, prefersExplicitTranspose } from './fastDense';
import { bceMean } from './loss';
import { LAYER_SPECS, denseLayers } from './model';

/** Runs one step on a [batch, 784] tensor of pixels in [0, 1]; returns the batch loss. */
export type TrainStepFn = (images: tf.Tensor2D) => tf.Scalar;

interface DenseWeights {
  kernel: tf.Variable;
  bias: tf.Variable;
}

/** The tf.Variables behind a Dense layer (LayerVariable.read() hands out the variable itself). */
function weightsOf(layer: tf.layers.Layer): DenseWeights {
  const [kernel, bias] = layer.trainableWeights.map((w) => w.read());
  if (!(kernel instanceof tf.Variable) || !(bias instanceof tf.Variable)) {
    throw new Error(`layer ${layer.name} does not hold a kernel and a bias variable`);
  }
  return { kernel, bias };
}

/** Adam with Keras's defaults (beta1 0.9, beta2 0.999, epsilon 1e-7; tfjs's own is 1e-7 too). */
export function kerasAdam(learningRate: number): tf.AdamOptimizer {
  return tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
}

/** Differentiable forward pass of the autoencoder, for use under the gradient tape only. */
export function trainingForward(model: tf.LayersModel): (images: tf.Tensor2D) => tf.Tensor2D {
  const weights = denseLayers(model).map(weightsOf);
  const explicitTranspose = prefersExplicitTranspose();
  return (images) => {
    let x = images;
    weights.forEach(({ kernel, bias }, i) => {
      x = fastDense(x, kernel, bias, LAYER_SPECS[i].activation, i > 0, explicitTranspose);
    });
    return x;
  };
}

/** A step function bound to one model and one optimizer. */
export function makeTrainStep(model: tf.LayersModel, optimizer: tf.Optimizer): TrainStepFn {
  const forward = trainingForward(model);
  const variables = denseLayers(model).flatMap((layer) => {
    const { kernel, bias } = weightsOf(layer);
    return [kernel, bias];
  });
  return (images) =>
    tf.tidy(() => {
      const guard: { poison: tf.Scalar | null } = { poison: null };
      const loss = optimizer.minimize(
        () => {
          const prediction = forward(images);
          // 0 normally, NaN once the weights (hence predictions) hold NaN or Infinity. Needed
          // because the clip in the loss turns NaN into 1e-7 on wasm, so a diverged run would
          // report a finite loss forever. Off the loss's path, so it adds nothing to backprop.
          guard.poison = tf.keep(tf.mul(tf.sum(prediction), 0));
          return bceMean(images, prediction);
        },
        true,
        variables,
      );
      if (loss === null || guard.poison === null) throw new Error('minimize returned no loss');
      const flagged = tf.add<tf.Scalar>(loss, guard.poison);
      // Kept tensors outlive every tidy, so this one is freed by hand.
      guard.poison.dispose();
      return flagged;
    });
}
