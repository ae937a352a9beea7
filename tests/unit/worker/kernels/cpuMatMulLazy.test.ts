import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { cpuMatMul } from '../../../../src/worker/kernels/cpuMatMul';

// The worker loads the cpu backend's code on demand (backendLoad.ts), after this module has
// registered its kernel: tfjs looks kernels up by (name, backend) when an op runs, so the order
// must not matter.
it('works when the cpu backend is loaded after the kernel is registered', async () => {
  expect(tf.findBackendFactory('cpu')).toBeNull();
  await import('@tensorflow/tfjs-backend-cpu');
  expect(await tf.setBackend('cpu')).toBe(true);
  const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
  const b = tf.tensor2d([1, 0, 0, 1, 1, 1], [3, 2]);
  const c = cpuMatMul(a, b);
  expect(Array.from(c.dataSync())).toEqual([4, 5, 10, 11]);
  tf.dispose([a, b, c]);
});
