/**
 * The variational autoencoder's loss and gradients, by hand as backprop.ts does the standard
 * model's (a unit test holds them equal to tfjs's autodiff to 1e-5). The encoder ends in two
 * heads, the mean μ and the log-variance s = log σ²; a code is sampled as z = μ + σ·ε with
 * ε ~ N(0, I) drawn outside (the reparameterisation trick: the randomness is an input, so the
 * gradient flows through μ and σ). Per image, as in the Keras VAE example:
 *
 *   reconstruction = Σ over the 784 pixels of the clipped binary cross-entropy
 *   KL             = −½ Σ over the code (1 + s − μ² − eˢ)    (to N(0, I))
 *   loss           = mean over the batch of reconstruction + β · KL
 *
 * Backward: the output layer's dz is (p − t) / batch (sigmoid and BCE together, as before, but
 * summed over pixels, not averaged). At the code, dL/dz reaches μ as is and s through
 * ∂z/∂s = ½ σ ε; the KL adds β μ / batch to μ and β ½ (eˢ − 1) / batch to s.
 */
import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_SIZE } from '../../shared/config';
import {
  dense,
  hiddenGrad,
  matMulRoute,
  matMulT,
  prefersExplicitTranspose,
  sigmoidBceGrad,
  type DenseWeights,
} from './backprop';
import { bcePerImage } from './loss';

/** The VAE's layers: the shared trunk, the two heads, and the decoder. */
export interface VaeWeights {
  encoder: DenseWeights;
  mean: DenseWeights;
  logVar: DenseWeights;
  decoder: DenseWeights;
  output: DenseWeights;
}

// A type alias, not an interface, so it counts as a TensorContainer (tf.tidy can return it).
export type VaeStepGradients = {
  /** [total, reconstruction, KL], each the batch mean. */
  losses: tf.Tensor1D;
  /** The decoded samples, [batch, 784]. */
  prediction: tf.Tensor2D;
  grads: tf.NamedTensorMap;
};

/** Per image: the reconstruction term (BCE summed over pixels) and the KL term. */
export function vaeLossTerms(
  target: tf.Tensor2D,
  prediction: tf.Tensor2D,
  mean: tf.Tensor2D,
  logVar: tf.Tensor2D,
): { reconstruction: tf.Tensor1D; kl: tf.Tensor1D; klPerUnit: tf.Tensor2D } {
  return tf.tidy(() => {
    const reconstruction = tf.mul<tf.Tensor1D>(bcePerImage(target, prediction), IMAGE_SIZE);
    const klPerUnit = tf.mul<tf.Tensor2D>(
      tf.sub(tf.add(tf.square(mean), tf.exp(logVar)), tf.add(logVar, 1)),
      0.5,
    );
    return { reconstruction, kl: tf.sum<tf.Tensor1D>(klPerUnit, 1), klPerUnit };
  });
}

/** The code sampled from the heads: z = μ + exp(½ s) · ε. */
export function sampleCode(mean: tf.Tensor2D, logVar: tf.Tensor2D, epsilon: tf.Tensor2D) {
  return tf.tidy(() => tf.add<tf.Tensor2D>(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), epsilon)));
}

/**
 * Loss and gradients of the VAE on `images`, with `epsilon` ([batch, latentDim] from N(0, 1))
 * as the sampling noise and `beta` weighing the KL term. Call inside a tidy.
 */
export function vaeGradients(
  w: VaeWeights,
  images: tf.Tensor2D,
  epsilon: tf.Tensor2D,
  beta: number,
  explicitTranspose = prefersExplicitTranspose(),
): VaeStepGradients {
  const route = matMulRoute(explicitTranspose);
  const rows = images.shape[0];
  const hidden = dense(images, w.encoder, route);
  const mean = dense(hidden, w.mean, route);
  const logVar = dense(hidden, w.logVar, route);
  const std = tf.exp(tf.mul(logVar, 0.5));
  const code = tf.add<tf.Tensor2D>(mean, tf.mul(std, epsilon));
  const decoded = dense(code, w.decoder, route);
  const prediction = dense(decoded, w.output, route);

  const terms = vaeLossTerms(images, prediction, mean, logVar);
  const reconstruction = tf.mean(terms.reconstruction);
  const kl = tf.mean(terms.kl);
  const total = tf.add(reconstruction, tf.mul(kl, beta));
  const losses = tf.stack([total, reconstruction, kl]) as tf.Tensor1D;

  const grads: tf.NamedTensorMap = {};
  const put = (layer: DenseWeights, input: tf.Tensor2D, dz: tf.Tensor2D, biasGrad: tf.Tensor) => {
    grads[layer.kernel.name] = matMulT(input, dz, true, route);
    grads[layer.bias.name] = biasGrad;
  };
  const outDz = sigmoidBceGrad(images, prediction, 1 / rows);
  put(w.output, decoded, outDz, tf.sum(outDz, 0));
  const decoderGrad = hiddenGrad(
    route,
    matMulT(outDz, w.output.kernel as tf.Tensor2D, false, route),
    decoded,
    w.decoder.activation,
  );
  put(w.decoder, code, decoderGrad.dz, decoderGrad.biasGrad);
  const dCode = matMulT(decoderGrad.dz, w.decoder.kernel as tf.Tensor2D, false, route);
  const klScale = beta / rows;
  const dMean = tf.add<tf.Tensor2D>(dCode, tf.mul(mean, klScale));
  const dLogVar = tf.add<tf.Tensor2D>(
    tf.mul(tf.mul(dCode, epsilon), tf.mul(std, 0.5)),
    tf.mul(tf.sub(tf.exp(logVar), 1), 0.5 * klScale),
  );
  put(w.mean, hidden, dMean, tf.sum(dMean, 0));
  put(w.logVar, hidden, dLogVar, tf.sum(dLogVar, 0));
  const dHidden = tf.add<tf.Tensor2D>(
    matMulT(dMean, w.mean.kernel as tf.Tensor2D, false, route),
    matMulT(dLogVar, w.logVar.kernel as tf.Tensor2D, false, route),
  );
  const encoderGrad = hiddenGrad(route, dHidden, hidden, w.encoder.activation);
  put(w.encoder, images, encoderGrad.dz, encoderGrad.biasGrad);
  return { losses, prediction, grads };
}
