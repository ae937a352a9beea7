import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBiasActivate, gemm, type GemmActivation } from '../../../../src/worker/kernels/cpuGemm';
import { CPU_MATMUL_KERNEL, cpuMatMul } from '../../../../src/worker/kernels/cpuMatMul';
import { mulberry32 } from '../../../../src/worker/training/random';
import { relativeError } from '../../support/relativeError';

const random = mulberry32(7);

function randomMatrix(rows: number, cols: number): tf.Tensor2D {
  const values = new Float32Array(rows * cols).map(() => random() * 2 - 1);
  return tf.tensor2d(values, [rows, cols]);
}

describe('the cpu matMul kernel', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('cpu')).toBe(true);
  });
  afterAll(() => tf.engine().reset());

  it('is registered for cpu only, next to the stock BatchMatMul', () => {
    expect(tf.getKernel(CPU_MATMUL_KERNEL, 'cpu')).toBeDefined();
    expect(tf.getKernel(CPU_MATMUL_KERNEL, 'wasm')).toBeUndefined();
    // model.fit, the benchmark's baseline, keeps tfjs's own matMul.
    const stock = tf.getKernel('BatchMatMul', 'cpu')?.kernelFunc;
    expect(stock).toBeDefined();
    expect(stock).not.toBe(tf.getKernel(CPU_MATMUL_KERNEL, 'cpu')?.kernelFunc);
  });

  // m × k times k × n; odd sizes, sizes below the unroll of 4 and one above the model's 784.
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [3, 5, 2],
    [7, 3, 9],
    [2, 4, 1],
    [33, 17, 65],
    [128, 784, 32],
    [5, 1001, 3],
  ];
  const transposes: [boolean, boolean][] = [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ];
  for (const [m, k, n] of shapes) {
    it.each(transposes)(
      `equals tf.matMul for ${m}×${k}·${k}×${n}, transposeA %s, transposeB %s`,
      (ta, tb) => {
        const a = ta ? randomMatrix(k, m) : randomMatrix(m, k);
        const b = tb ? randomMatrix(n, k) : randomMatrix(k, n);
        const ours = cpuMatMul(a, b, { transposeA: ta, transposeB: tb });
        const stock = tf.matMul(a, b, ta, tb);
        expect(ours.shape).toEqual([m, n]);
        expect(relativeError(ours, stock)).toBeLessThan(1e-6);
        tf.dispose([a, b, ours, stock]);
      },
    );
  }

  it.each<GemmActivation>(['linear', 'relu', 'sigmoid'])(
    'equals tf.fused.matMul with a bias and %s',
    (activation) => {
      const a = randomMatrix(9, 13);
      const b = randomMatrix(13, 11);
      const bias = tf.tensor1d(new Float32Array(11).map(() => random() - 0.5));
      const ours = cpuMatMul(a, b, { bias, activation });
      const stock = tf.fused.matMul({ a, b, bias, activation });
      expect(relativeError(ours, stock)).toBeLessThan(1e-6);
      tf.dispose([a, b, bias, ours, stock]);
    },
  );

  it('leaves no tensors behind inside a tidy', () => {
    const a = randomMatrix(4, 6);
    const b = randomMatrix(6, 5);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      cpuMatMul(a, b, { bias: tf.zeros([5]), activation: 'relu' });
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });

  it('rejects mismatched inner sizes and non-float inputs', () => {
    const a = randomMatrix(3, 4);
    const b = randomMatrix(5, 2);
    const ints = tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32');
    expect(() => cpuMatMul(a, b)).toThrow(/inner sizes/);
    expect(() => cpuMatMul(ints, ints)).toThrow(/float32/);
    tf.dispose([a, b, ints]);
  });
});

describe('gemm and addBiasActivate on plain arrays', () => {
  it('computes a small product exactly', () => {
    // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50]
    const a = Float32Array.of(1, 2, 3, 4);
    const b = Float32Array.of(5, 6, 7, 8);
    expect(
      Array.from(gemm({ a, b, m: 2, k: 2, n: 2, transposeA: false, transposeB: false })),
    ).toEqual([19, 22, 43, 50]);
    // aᵀ·b = [1 3; 2 4] · [5 6; 7 8] = [26 30; 38 44]
    expect(
      Array.from(gemm({ a, b, m: 2, k: 2, n: 2, transposeA: true, transposeB: false })),
    ).toEqual([26, 30, 38, 44]);
  });

  it('adds the bias before the activation', () => {
    const c = Float32Array.of(-1, 0.5, 2, -3);
    addBiasActivate(c, 2, Float32Array.of(0.5, -1), 'relu');
    expect(Array.from(c)).toEqual([0, 0, 2.5, 0]);
  });

  it('refuses operands whose sizes do not match the shape', () => {
    const a = new Float32Array(6);
    expect(() => gemm({ a, b: a, m: 2, k: 2, n: 3, transposeA: false, transposeB: false })).toThrow(
      /sizes/,
    );
  });
});
