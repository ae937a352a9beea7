/**
 * One optimisation step: the hand-written gradients of backprop.ts (or vaeBackprop.ts), then
 * Adam. The model stays a plain LayersModel (for predict, summary, save); the step reads and
 * updates its own variables.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { LossKind, TrainingConfig } from '../../shared/config';
import { autoencoderGradients, prefersExplicitTranspose, type DenseWeights } from './backprop';
import { activationOf, denseLayers, logVarLayer } from '../models/model';
import { NoiseSource, corrupt } from '../training/noise';
import { SEED_STREAM, deriveSeed } from '../training/random';
import { vaeGradients, type VaeWeights } from './vaeBackprop';

/**
 * Runs one step on a [batch, 784] tensor of pixels in [0, 1]; returns the batch loss: a scalar,
 * or for a VAE [total, reconstruction, KL].
 */
export type TrainStepFn = (images: tf.Tensor2D) => tf.Tensor;

/** What a step needs to know of the run beyond the loss: the kind of model and its settings. */
export type StepKind = Pick<TrainingConfig, 'model' | 'noise' | 'noiseKind' | 'beta' | 'seed'>;

/** The notebook's model: no noise, no sampling (the other fields are then not read). */
export const STANDARD_KIND: StepKind = {
  model: 'ae',
  noise: 0,
  noiseKind: 'mask',
  beta: 1,
  seed: 1,
};

function weightsOf(layer: tfl.layers.Layer): DenseWeights {
  const [kernel, bias] = layer.trainableWeights.map((w) => w.read());
  if (!(kernel instanceof tf.Variable) || !(bias instanceof tf.Variable)) {
    throw new Error(`layer ${layer.name} does not hold a kernel and a bias variable`);
  }
  // Read from the layer, not assumed: the latent activation is configurable and loaded
  // models bring their own.
  return { kernel, bias, activation: activationOf(layer) };
}

/** The tf.Variables behind the model's Dense layers (LayerVariable.read() hands out the variable). */
export function denseWeights(model: tfl.LayersModel): DenseWeights[] {
  return denseLayers(model).map(weightsOf);
}

/** A VAE's layers by role; throws for a model without the log-variance head. */
export function vaeWeights(model: tfl.LayersModel): VaeWeights {
  const head = logVarLayer(model);
  if (!head) throw new Error('this model has no log-variance head, so it is not a VAE');
  const [encoder, mean, decoder, output] = denseWeights(model);
  return { encoder, mean, logVar: weightsOf(head), decoder, output };
}

/** Adam with Keras's defaults (beta1 0.9, beta2 0.999, epsilon 1e-7; tfjs's own is 1e-7 too). */
export function kerasAdam(learningRate: number): tf.AdamOptimizer {
  return tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
}

/** 0 normally, NaN once the predictions hold NaN or Infinity (the loss's clip would hide it). */
function nanGuard(prediction: tf.Tensor2D): tf.Scalar {
  return tf.mul(tf.sum(prediction), 0);
}

function makeVaeStep(model: tfl.LayersModel, optimizer: tf.Optimizer, kind: StepKind) {
  const weights = vaeWeights(model);
  const latentDim = weights.mean.kernel.shape[1] ?? 0;
  const explicitTranspose = prefersExplicitTranspose();
  const sampling = new NoiseSource(deriveSeed(kind.seed, SEED_STREAM.vaeSampling));
  return (images: tf.Tensor2D) => {
    const rows = images.shape[0];
    const epsilon = sampling.fillNormal(new Float32Array(rows * latentDim));
    return tf.tidy(() => {
      const eps = tf.tensor2d(epsilon, [rows, latentDim]);
      const { losses, prediction, grads } = vaeGradients(
        weights,
        images,
        eps,
        kind.beta,
        explicitTranspose,
      );
      optimizer.applyGradients(grads);
      return tf.add(losses, nanGuard(prediction));
    });
  };
}

/** A step function bound to one model and one optimizer. */
export function makeTrainStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  lossKind: LossKind = 'bce',
  kind: StepKind = STANDARD_KIND,
): TrainStepFn {
  if (kind.model === 'vae') return makeVaeStep(model, optimizer, kind);
  const layers = denseWeights(model);
  const explicitTranspose = prefersExplicitTranspose();
  // A denoising model is given damaged images (drawn here, seeded) and scored on the clean ones.
  const noise =
    kind.model === 'denoising'
      ? new NoiseSource(deriveSeed(kind.seed, SEED_STREAM.trainNoise))
      : null;
  const spec = { kind: kind.noiseKind, strength: kind.noise };
  return (images) =>
    tf.tidy(() => {
      const inputs = noise ? corrupt(images, spec, noise) : images;
      const { loss, prediction, grads } = autoencoderGradients(
        layers,
        inputs,
        explicitTranspose,
        lossKind,
        images,
      );
      optimizer.applyGradients(grads);
      // 0 normally, NaN once the weights (hence predictions) hold NaN or Infinity. Needed
      // because the clip in the loss turns NaN into 1e-7 on wasm, so a diverged run would
      // report a finite loss forever.
      return tf.add<tf.Scalar>(loss, nanGuard(prediction));
    });
}
