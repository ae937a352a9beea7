/**
 * The cpu backend's matMul for our training step, as a tfjs kernel of its own: a faster loop
 * (cpuGemm.ts) with the bias and activation fused in, under a new kernel name. The stock
 * BatchMatMul and _FusedMatMul stay as they are, so model.fit (the benchmark's baseline) and
 * everything else still run tfjs's own code; only backprop.ts calls this, and only on cpu.
 */
import * as tf from '@tensorflow/tfjs-core';
import { addBiasActivate, gemm, type GemmActivation } from './cpuGemm';
import { activationAttr, matrixShape, registerCpuKernel, valuesOf } from './cpuKernelUtil';

export const CPU_MATMUL_KERNEL = 'LatentLabMatMul';

export interface CpuMatMulOptions {
  transposeA?: boolean;
  transposeB?: boolean;
  /** Added to every row of the product, before the activation. */
  bias?: tf.Tensor1D;
  activation?: GemmActivation;
}

registerCpuKernel(CPU_MATMUL_KERNEL, (backend, { a, b, bias }, attrs) => {
  const transposeA = attrs.transposeA === true;
  const transposeB = attrs.transposeB === true;
  const [aRows, aCols] = matrixShape(a);
  const [bRows, bCols] = matrixShape(b);
  const [m, k] = transposeA ? [aCols, aRows] : [aRows, aCols];
  const [kB, n] = transposeB ? [bCols, bRows] : [bRows, bCols];
  if (k !== kB) throw new Error(`${CPU_MATMUL_KERNEL}: inner sizes ${k} and ${kB} differ`);
  const c = gemm({
    a: valuesOf(backend, a),
    b: valuesOf(backend, b),
    m,
    k,
    n,
    transposeA,
    transposeB,
  });
  const activation = activationAttr(attrs.activation ?? 'linear');
  if (bias !== undefined || activation !== 'linear') {
    addBiasActivate(c, n, bias === undefined ? null : valuesOf(backend, bias), activation);
  }
  return backend.makeTensorInfo([m, n], 'float32', c);
});

/**
 * op(a)·op(b) (+ bias, then the activation), on the cpu backend only. No gradient is registered:
 * backprop.ts writes its own backward pass, so this never runs under a tape.
 */
export function cpuMatMul(
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  { transposeA = false, transposeB = false, bias, activation = 'linear' }: CpuMatMulOptions = {},
): tf.Tensor2D {
  const inputs: tf.NamedTensorMap = bias === undefined ? { a, b } : { a, b, bias };
  return tf.engine().runKernel<tf.Tensor2D>(CPU_MATMUL_KERNEL, inputs, {
    transposeA,
    transposeB,
    activation,
  });
}
