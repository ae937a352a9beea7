/**
 * What our cpu kernels (cpuMatMul.ts, cpuGradKernels.ts) share: reading a tensor's values the
 * way tfjs-backend-cpu's own kernels do, checking attributes, and registering a kernel once.
 */
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from '../../shared/config';
import type { GemmActivation } from './cpuGemm';

/** The float32 values the cpu backend keeps for a tensor (it stores them as a typed array). */
export function valuesOf(backend: MathBackendCPU, info: tf.TensorInfo | undefined): Float32Array {
  if (info === undefined) throw new Error('a cpu kernel is missing an input');
  const { values } = backend.data.get(info.dataId);
  if (info.dtype !== 'float32' || !(values instanceof Float32Array)) {
    throw new Error(`our cpu kernels take float32 tensors, got ${info.dtype}`);
  }
  return values;
}

/** [rows, cols] of a 2-D input. */
export function matrixShape(info: tf.TensorInfo | undefined): [number, number] {
  if (info?.shape.length !== 2) throw new Error('a cpu kernel expected a 2-D input');
  return [info.shape[0], info.shape[1]];
}

/** An activation passed as a kernel attribute (attributes are untyped). */
export function activationAttr(value: unknown): GemmActivation {
  if (value === 'linear' || value === 'relu' || value === 'sigmoid') return value;
  throw new Error(`unknown activation ${String(value)}`);
}

/** A loss kind passed as a kernel attribute. */
export function lossKindAttr(value: unknown): LossKind {
  if (value === 'bce' || value === 'mse') return value;
  throw new Error(`unknown loss ${String(value)}`);
}

/**
 * Registers `kernelFunc` under `kernelName` for the cpu backend, unless already there (test
 * runners may evaluate a module more than once against tfjs's one global registry, and a second
 * registration logs a warning). tfjs keys kernels by (name, backend) and looks them up when an op
 * runs, so this works whether or not the cpu backend's code is loaded yet (backendLoad.ts loads
 * it on demand). The kernel gets tfjs-backend-cpu's backend object, which KernelFunc types `{}`.
 */
export function registerCpuKernel(
  kernelName: string,
  kernelFunc: (
    backend: MathBackendCPU,
    inputs: tf.NamedTensorInfoMap,
    attrs: tf.NamedAttrMap,
  ) => tf.TensorInfo | tf.TensorInfo[],
): void {
  if (tf.getKernel(kernelName, 'cpu') !== undefined) return;
  tf.registerKernel({
    kernelName,
    backendName: 'cpu',
    kernelFunc: ({ backend, inputs, attrs }) =>
      kernelFunc(backend as MathBackendCPU, inputs, attrs ?? {}),
  });
}
