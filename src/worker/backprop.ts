/**
 * The autoencoder's gradients written out by hand: a forward pass that keeps each layer's output,
 * then the backward pass layer by layer. Same maths as tfjs's tape through the Dense layers and
 * the Keras BCE (a unit test holds them equal to 1e-5), fewer and faster kernels:
 *
 * - No tape. The tape adds bookkeeping, an Identity copy for every saved tensor, and a gradient
 *   kernel for each of the ~12 small ops of the clipped BCE.
 * - Sigmoid + clipped BCE are differentiated together. For p = sigmoid(z) and target t,
 *   dBCE/dp · dp/dz = (−t/p + (1−t)/(1−p)) · p(1−p) = p − t, exactly; the clip's gradient
 *   keeps it only where eps <= p <= 1 − eps (bounds included, as tfjs's clipByValue gradient).
 *   Both means (over 784 pixels, then over the batch) become one scale.
 * - On wasm the transposed products go through an explicit transpose: the wasm backend sends any
 *   matMul with a transposed operand to a plain triple loop instead of XNNPACK (~40 ms vs ~4 ms
 *   for the 784-wide layers, measured in Node). cpu and webgl handle transposed operands
 *   natively, where an explicit transpose only adds a pass (cpu measured ~1.3x slower with it).
 */
import * as tf from '@tensorflow/tfjs';
import type { LossKind } from '../shared/config';
import { BCE_EPSILON, lossMean } from './loss';
import type { DenseActivation } from './model';

export interface DenseWeights {
  kernel: tf.Variable;
  bias: tf.Variable;
  activation: DenseActivation;
}

// A type alias, not an interface, so it counts as a TensorContainer (tf.tidy can return it).
export type StepGradients = {
  /** The batch loss, exactly as bceMean reports it. */
  loss: tf.Scalar;
  /** The network's output (sigmoid), [batch, 784]. */
  prediction: tf.Tensor2D;
  /** One gradient per variable, keyed by the variable's name (what optimizers expect). */
  grads: tf.NamedTensorMap;
};

/** Whether the current backend wants explicit transposes. */
export function prefersExplicitTranspose(): boolean {
  return tf.getBackend() === 'wasm';
}

/** aᵀ·b (transposeA) or a·bᵀ, with the transpose done explicitly when `explicit` (see above). */
function matMulT(
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  transposeA: boolean,
  explicit: boolean,
): tf.Tensor2D {
  if (!explicit) return tf.matMul(a, b, transposeA, !transposeA);
  return transposeA ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, tf.transpose(b));
}

/** d(BCE mean)/dz for the sigmoid output p = sigmoid(z): (p − t) / (batch · 784) where unclipped. */
function sigmoidBceGrad(target: tf.Tensor2D, p: tf.Tensor2D): tf.Tensor2D {
  const [rows, cols] = p.shape;
  const inRange = tf.logicalAnd(tf.greaterEqual(p, BCE_EPSILON), tf.lessEqual(p, 1 - BCE_EPSILON));
  const diff = tf.mul(tf.sub(p, target), 1 / (rows * cols));
  return tf.where(inRange, diff, tf.zerosLike(diff)) as tf.Tensor2D;
}

/** d(MSE mean)/dz for p = sigmoid(z): 2(p − t) · p(1 − p) / (batch · 784). */
function sigmoidMseGrad(target: tf.Tensor2D, p: tf.Tensor2D): tf.Tensor2D {
  const [rows, cols] = p.shape;
  return tf.mul(tf.mul(tf.sub(p, target), tf.mul(p, tf.sub(1, p))), 2 / (rows * cols));
}

/** dy · (d activation / d pre-activation), written with the activation's output y. */
function throughActivation(
  dy: tf.Tensor2D,
  y: tf.Tensor2D,
  activation: DenseActivation,
): tf.Tensor2D {
  if (activation === 'relu') return tf.mul(dy, tf.step(y));
  if (activation === 'linear') return dy;
  return tf.mul(dy, tf.mul(y, tf.sub(1, y)));
}

/**
 * Loss and gradients of the Keras BCE (or MSE) of `images` against their reconstruction through
 * `layers` (each x·W + b then its activation; the last must be sigmoid). Call inside a tidy.
 */
export function autoencoderGradients(
  layers: readonly DenseWeights[],
  images: tf.Tensor2D,
  explicitTranspose = prefersExplicitTranspose(),
  lossKind: LossKind = 'bce',
): StepGradients {
  const last = layers[layers.length - 1];
  if (last.activation !== 'sigmoid') throw new Error('the output layer must be sigmoid');
  // outputs[i] is the input of layer i; outputs[layers.length] the prediction.
  const outputs: tf.Tensor2D[] = [images];
  for (const { kernel, bias, activation } of layers) {
    const x = outputs[outputs.length - 1];
    outputs.push(tf.fused.matMul({ a: x, b: kernel, bias, activation }) as tf.Tensor2D);
  }
  const prediction = outputs[layers.length];
  const loss = lossMean(lossKind, images, prediction);

  const grads: tf.NamedTensorMap = {};
  let dz =
    lossKind === 'mse' ? sigmoidMseGrad(images, prediction) : sigmoidBceGrad(images, prediction);
  for (let i = layers.length - 1; i >= 0; i--) {
    const { kernel, bias } = layers[i];
    const input = outputs[i];
    grads[kernel.name] = matMulT(input, dz, true, explicitTranspose);
    grads[bias.name] = tf.sum(dz, 0);
    // Nobody needs the gradient w.r.t. the images: the first layer skips that matMul.
    if (i > 0) {
      const dInput = matMulT(dz, kernel as tf.Tensor2D, false, explicitTranspose);
      dz = throughActivation(dInput, input, layers[i - 1].activation);
    }
  }
  return { loss, prediction, grads };
}
