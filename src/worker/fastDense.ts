/**
 * A dense layer (x·W + b, then relu or sigmoid) with a hand-written gradient, used only by the
 * training step. Why not the layer's own gradient: tfjs's wasm backend sends every matMul with a
 * transposed operand to a plain triple loop instead of XNNPACK, and a dense layer's gradients
 * are exactly such products (dy·Wᵀ and xᵀ·dy). Measured in Node on wasm for the 784-wide layers:
 * ~40 ms each as transposed matMuls, ~4 ms as transpose() followed by a plain matMul. So the
 * backward pass transposes explicitly there. The cpu and webgl backends handle transposed
 * operands natively (an explicit transpose only adds a pass: cpu measured ~1.3x slower with it),
 * so they get the transposed products. The math is the same as tfjs's own gradient.
 */
import * as tf from '@tensorflow/tfjs';
import type { DenseActivation } from './model';

/** d(activation)/d(pre-activation), written in terms of the activation's output y. */
function activationGrad(dy: tf.Tensor2D, y: tf.Tensor2D, activation: DenseActivation): tf.Tensor2D {
  if (activation === 'relu') return tf.mul(dy, tf.step(y));
  return tf.mul(dy, tf.mul(y, tf.sub(tf.onesLike(y), y)));
}

/** a·bᵀ or aᵀ·b, with the transpose done explicitly when `explicit` (see above). */
function matMulT(
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  transposeA: boolean,
  explicit: boolean,
): tf.Tensor2D {
  if (!explicit) return tf.matMul(a, b, transposeA, !transposeA);
  return transposeA ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, tf.transpose(b));
}

/** Whether the current backend wants explicit transposes (decided once per train step). */
export function prefersExplicitTranspose(): boolean {
  return tf.getBackend() === 'wasm';
}

/**
 * y = activation(x·W + b) with a fast backward pass. Call it only while tfjs records gradients
 * (inside variableGrads / optimizer.minimize) and inside a tidy. `inputNeedsGrad` is false for
 * the first layer: nobody needs the gradient w.r.t. the images, and skipping it saves a matMul.
 */
export function fastDense(
  x: tf.Tensor2D,
  kernel: tf.Variable,
  bias: tf.Variable,
  activation: DenseActivation,
  inputNeedsGrad: boolean,
  explicitTranspose: boolean,
): tf.Tensor2D {
  // The forward pass runs in a tidy of its own inside variableGrads, so the intermediates the
  // backward pass needs (this layer's input and output) must go through `save`, which keeps them
  // until the gradients are done. The first layer's input is the batch itself, which outlives
  // the step, so it is closed over instead of saved.
  const op = tf.customGrad<tf.Tensor2D>((...args) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const y = tf.fused.matMul({ a: x, b: kernel, bias, activation }) as tf.Tensor2D;
    save(inputNeedsGrad ? [y, x] : [y]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [yOut, xIn = x] = saved as tf.Tensor2D[];
        const dz = activationGrad(dy, yOut, activation);
        const dKernel = matMulT(xIn, dz, true, explicitTranspose);
        const dBias = tf.sum(dz, 0);
        if (!inputNeedsGrad) return [dKernel, dBias];
        return [matMulT(dz, kernel as tf.Tensor2D, false, explicitTranspose), dKernel, dBias];
      },
    };
  });
  return inputNeedsGrad ? op(x, kernel, bias) : op(kernel, bias);
}
