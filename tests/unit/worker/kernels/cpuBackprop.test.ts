import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  type LatentActivation,
  type LossKind,
} from '../../../../src/shared/config';
import { autoencoderGradients } from '../../../../src/worker/kernels/backprop';
import { BatchBuilder } from '../../../../src/worker/training/batches';
import { cpuActivationGrad, cpuLossHead } from '../../../../src/worker/kernels/cpuGradKernels';
import { BCE_EPSILON, lossMean } from '../../../../src/worker/kernels/loss';
import { buildAutoencoder } from '../../../../src/worker/models/model';
import { denseWeights } from '../../../../src/worker/kernels/trainStep';
import { mnistImages } from '../../support/tfNode';
import { expectGradsMatch } from '../../support/relativeError';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});
afterAll(() => tf.engine().reset());

const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('the cpu backward kernels', () => {
  // Predictions that hit both clip bounds, as a saturated sigmoid does (made once on cpu).
  const target = () => tf.tensor2d([0, 1, 0.5, 1, 0, 0.25, 1, 0.75], [2, 4]);
  const predicted = () => tf.tensor2d([0, 1, 0.3, 0.9, 1e-8, 0.5, 0.99, 1 - 1e-9], [2, 4]);

  it.each<LossKind>(['bce', 'mse'])(
    'gives the %s loss and output gradient of the tf ops, bit for bit',
    (kind) => {
      const [t, prediction] = [target(), predicted()];
      const ours = cpuLossHead(kind, t, prediction);
      // backprop.ts's tf-ops version of the same gradient.
      const scale = (kind === 'mse' ? 2 : 1) / 8;
      const diff = tf.sub(prediction, t);
      const dz =
        kind === 'mse'
          ? tf.mul(tf.mul(diff, tf.mul(prediction, tf.sub(1, prediction))), scale)
          : tf.where(
              tf.logicalAnd(
                tf.greaterEqual(prediction, BCE_EPSILON),
                tf.lessEqual(prediction, 1 - BCE_EPSILON),
              ),
              tf.mul(diff, scale),
              tf.zerosLike(diff),
            );
      expect(values(ours.loss)).toEqual(values(lossMean(kind, t, prediction)));
      expect(values(ours.dz)).toEqual(values(dz));
      expect(values(ours.biasGrad)).toEqual(values(tf.sum(dz, 0)));
    },
  );

  it.each(['relu', 'sigmoid', 'linear'] as const)(
    'passes a gradient through %s as the tf ops do',
    (activation) => {
      const dy = tf.tensor2d([0.5, -1, 2, 0.25, -0.125, 3], [2, 3]);
      const y = tf.tensor2d([0, 0.2, -1, 0.7, 1, 0.5], [2, 3]);
      const expected =
        activation === 'relu'
          ? tf.mul(dy, tf.step(y))
          : activation === 'sigmoid'
            ? tf.mul(dy, tf.mul(y, tf.sub(1, y)))
            : dy;
      const ours = cpuActivationGrad(dy, y, activation);
      expect(values(ours.dz)).toEqual(values(expected));
      expect(values(ours.biasGrad)).toEqual(values(tf.sum(expected, 0)));
    },
  );
});

describe('the hand-written gradients on cpu, through our kernels', () => {
  const cases: [LossKind, LatentActivation][] = [
    ['bce', 'relu'],
    ['bce', 'linear'],
    ['mse', 'sigmoid'],
  ];
  it.each(cases)("equal tfjs's own for %s with a %s code", async (lossKind, latentActivation) => {
    const model = buildAutoencoder({
      ...DEFAULT_CONFIG,
      hiddenUnits: 64,
      latentDim: 8,
      latentActivation,
    });
    const images = new BatchBuilder(mnistImages('train', 32), 32).range(0, 32);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    let fast: ReturnType<typeof autoencoderGradients> | undefined;
    const profile = await tf.profile(() => {
      fast = tf.tidy(() => autoencoderGradients(denseWeights(model), images, false, lossKind));
    });
    if (fast === undefined) throw new Error('no gradients');
    // Our kernels ran, and none of the stock matMuls.
    const kernels = new Set(profile.kernels.map((k) => k.name));
    expect(kernels.has('LatentLabMatMul')).toBe(true);
    expect(kernels.has('BatchMatMul') || kernels.has('_FusedMatMul')).toBe(false);
    const stock = tf.variableGrads(
      () => lossMean(lossKind, images, model.apply(images) as tf.Tensor2D),
      variables,
    );
    expect(fast.loss.dataSync()[0]).toBeCloseTo(stock.value.dataSync()[0], 6);
    expectGradsMatch(fast.grads, stock.grads, variables, 1e-5);
    tf.dispose([images, fast.loss, fast.prediction, stock.value]);
    tf.dispose([...Object.values(fast.grads), ...Object.values(stock.grads)]);
    model.dispose();
  });
});
