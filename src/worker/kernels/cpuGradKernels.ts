/**
 * backprop.ts's element-wise backward steps as cpu kernels (loops in cpuBackward.ts), each also
 * handing back the bias gradient, so the cpu backend runs one kernel where the tf-ops version
 * runs a dozen. Like cpuMatMul.ts: new kernel names, cpu only, no gradients, stock kernels
 * untouched.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from '../../shared/config';
import { activationGrad, columnSums, lossHead } from './cpuBackward';
import type { GemmActivation } from './cpuGemm';
import {
  activationAttr,
  lossKindAttr,
  matrixShape,
  registerCpuKernel,
  valuesOf,
} from './cpuKernelUtil';

export const CPU_LOSS_HEAD_KERNEL = 'LatentLabLossHead';
export const CPU_ACTIVATION_GRAD_KERNEL = 'LatentLabActivationGrad';

/** A layer's pre-activation gradient and the bias gradient (its column sums). */
export interface LayerGrad {
  dz: tf.Tensor2D;
  biasGrad: tf.Tensor1D;
}

export interface HeadResult extends LayerGrad {
  loss: tf.Scalar;
}

registerCpuKernel(CPU_LOSS_HEAD_KERNEL, (backend, { target, prediction }, attrs) => {
  const [rows, cols] = matrixShape(prediction);
  const kind = lossKindAttr(attrs.lossKind);
  const t = valuesOf(backend, target);
  const { dz, loss } = lossHead(kind, t, valuesOf(backend, prediction), rows, cols);
  return [
    backend.makeTensorInfo([rows, cols], 'float32', dz),
    backend.makeTensorInfo([cols], 'float32', columnSums(dz, rows, cols)),
    backend.makeTensorInfo([], 'float32', Float32Array.of(loss)),
  ];
});

registerCpuKernel(CPU_ACTIVATION_GRAD_KERNEL, (backend, { dy, y }, attrs) => {
  const [rows, cols] = matrixShape(dy);
  const dz = activationGrad(
    valuesOf(backend, dy),
    valuesOf(backend, y),
    activationAttr(attrs.activation),
  );
  return [
    backend.makeTensorInfo([rows, cols], 'float32', dz),
    backend.makeTensorInfo([cols], 'float32', columnSums(dz, rows, cols)),
  ];
});

/** Loss, output gradient and output bias gradient of the sigmoid output layer, in one kernel. */
export function cpuLossHead(
  kind: LossKind,
  target: tf.Tensor2D,
  prediction: tf.Tensor2D,
): HeadResult {
  const [dz, biasGrad, loss] = tf
    .engine()
    .runKernel<tf.Tensor[]>(CPU_LOSS_HEAD_KERNEL, { target, prediction }, { lossKind: kind });
  return { dz: dz as tf.Tensor2D, biasGrad: biasGrad as tf.Tensor1D, loss: loss as tf.Scalar };
}

/** dy through the activation whose output was y, and the resulting bias gradient. */
export function cpuActivationGrad(
  dy: tf.Tensor2D,
  y: tf.Tensor2D,
  activation: GemmActivation,
): LayerGrad {
  const [dz, biasGrad] = tf
    .engine()
    .runKernel<tf.Tensor[]>(CPU_ACTIVATION_GRAD_KERNEL, { dy, y }, { activation });
  return { dz: dz as tf.Tensor2D, biasGrad: biasGrad as tf.Tensor1D };
}
