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
 * - On cpu every product goes through our own kernel (cpuMatMul.ts): tfjs-backend-cpu's matMul
 *   is a generic strided loop, and its fused bias add broadcasts index by index; together they
 *   were half of our cpu step. So do the loss with its gradient and each activation's gradient,
 *   with the bias gradients (cpuGradKernels.ts): there each small op is a slow pass of its own.
 *   The stock kernels stay for everyone else (model.fit included).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from '../../shared/config';
import { cpuActivationGrad, cpuLossHead, type HeadResult, type LayerGrad } from './cpuGradKernels';
import { cpuMatMul } from './cpuMatMul';
import { BCE_EPSILON, lossMean } from './loss';
import type { DenseActivation } from '../models/layerShapes';

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

/** How the products are computed: tfjs's matMul as is, with explicit transposes, or ours. */
export type MatMulRoute = 'stock' | 'explicitTranspose' | 'cpuKernel';

/** The route for the current backend (cpu always takes its own kernel). */
export function matMulRoute(explicitTranspose = prefersExplicitTranspose()): MatMulRoute {
  return tf.getBackend() === 'cpu'
    ? 'cpuKernel'
    : explicitTranspose
      ? 'explicitTranspose'
      : 'stock';
}

/** One Dense layer: activation(x·W + b). */
export function dense(x: tf.Tensor2D, layer: DenseWeights, route: MatMulRoute): tf.Tensor2D {
  const { kernel, bias, activation } = layer;
  if (route === 'cpuKernel') {
    return cpuMatMul(x, kernel as tf.Tensor2D, { bias: bias as tf.Tensor1D, activation });
  }
  return tf.fused.matMul({ a: x, b: kernel, bias, activation }) as tf.Tensor2D;
}

/** aᵀ·b (transposeA) or a·bᵀ, the way `route` says (see above). */
export function matMulT(
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  transposeA: boolean,
  route: MatMulRoute,
): tf.Tensor2D {
  if (route === 'cpuKernel') return cpuMatMul(a, b, { transposeA, transposeB: !transposeA });
  if (route === 'stock') return tf.matMul(a, b, transposeA, !transposeA);
  return transposeA ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, tf.transpose(b));
}

/**
 * d(BCE mean)/dz for the sigmoid output p = sigmoid(z): (p − t) / (batch · 784) where unclipped.
 * `scale` replaces the 1 / (batch · 784) (a VAE sums over pixels: 1 / batch).
 */
export function sigmoidBceGrad(
  target: tf.Tensor2D,
  p: tf.Tensor2D,
  scale = 1 / p.size,
): tf.Tensor2D {
  const inRange = tf.logicalAnd(tf.greaterEqual(p, BCE_EPSILON), tf.lessEqual(p, 1 - BCE_EPSILON));
  const diff = tf.mul(tf.sub(p, target), scale);
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

/** The loss, the output layer's dz and its bias gradient. */
function lossHead(
  route: MatMulRoute,
  lossKind: LossKind,
  images: tf.Tensor2D,
  prediction: tf.Tensor2D,
): HeadResult {
  if (route === 'cpuKernel') return cpuLossHead(lossKind, images, prediction);
  const loss = lossMean(lossKind, images, prediction);
  const dz =
    lossKind === 'mse' ? sigmoidMseGrad(images, prediction) : sigmoidBceGrad(images, prediction);
  return { loss, dz, biasGrad: tf.sum(dz, 0) };
}

/** A hidden layer's dz (from the gradient w.r.t. its output y) and its bias gradient. */
export function hiddenGrad(
  route: MatMulRoute,
  dy: tf.Tensor2D,
  y: tf.Tensor2D,
  activation: DenseActivation,
): LayerGrad {
  if (route === 'cpuKernel') return cpuActivationGrad(dy, y, activation);
  const dz = throughActivation(dy, y, activation);
  return { dz, biasGrad: tf.sum(dz, 0) };
}

/**
 * Loss and gradients of the Keras BCE (or MSE) of `target` (by default `images` themselves; a
 * denoising model is given damaged images and scored on the clean ones) against the
 * reconstruction of `images` through `layers` (each x·W + b then its activation; the last must be
 * sigmoid). Call inside a tidy.
 * `explicitTranspose` applies to backends other than cpu, which always takes its own kernel.
 */
export function autoencoderGradients(
  layers: readonly DenseWeights[],
  images: tf.Tensor2D,
  explicitTranspose = prefersExplicitTranspose(),
  lossKind: LossKind = 'bce',
  target: tf.Tensor2D = images,
): StepGradients {
  const route = matMulRoute(explicitTranspose);
  const last = layers[layers.length - 1];
  if (last.activation !== 'sigmoid') throw new Error('the output layer must be sigmoid');
  // outputs[i] is the input of layer i; outputs[layers.length] the prediction.
  const outputs: tf.Tensor2D[] = [images];
  for (const layer of layers) outputs.push(dense(outputs[outputs.length - 1], layer, route));
  const prediction = outputs[layers.length];
  const head = lossHead(route, lossKind, target, prediction);
  let { dz, biasGrad } = head;

  const grads: tf.NamedTensorMap = {};
  for (let i = layers.length - 1; i >= 0; i--) {
    const { kernel, bias } = layers[i];
    const input = outputs[i];
    grads[kernel.name] = matMulT(input, dz, true, route);
    grads[bias.name] = biasGrad;
    // Nobody needs the gradient w.r.t. the images: the first layer skips that matMul.
    if (i > 0) {
      const dInput = matMulT(dz, kernel as tf.Tensor2D, false, route);
      ({ dz, biasGrad } = hiddenGrad(route, dInput, input, layers[i - 1].activation));
    }
  }
  return { loss: head.loss, prediction, grads };
}
