import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  type LatentActivation,
  type LossKind,
} from '../../../../src/shared/config';
import { autoencoderGradients } from '../../../../src/worker/kernels/backprop';
import { BatchBuilder } from '../../../../src/worker/training/batches';
import { lossMean, msePerImage } from '../../../../src/worker/kernels/loss';
import { buildAutoencoder, summarize } from '../../../../src/worker/models/model';
import { denseWeights } from '../../../../src/worker/kernels/trainStep';
import { mnistImages, useWasmBackend } from '../../support/tfNode';

beforeAll(useWasmBackend);

describe('loss and bottleneck options', () => {
  it('MSE is the mean over pixels of the squared difference, then over images', () => {
    const target = tf.tensor2d([[0, 1, 1, 0]]);
    const prediction = tf.tensor2d([[0.5, 0.5, 1, 0]]);
    expect(Array.from(msePerImage(target, prediction).dataSync())).toEqual([0.125]);
    expect(lossMean('mse', target, prediction).dataSync()[0]).toBeCloseTo(0.125, 7);
    tf.dispose([target, prediction]);
  });

  it.each<LatentActivation>(['relu', 'linear', 'sigmoid'])(
    'builds a %s bottleneck and reports it in the summary',
    (latentActivation) => {
      const config = { ...DEFAULT_CONFIG, latentActivation };
      const model = buildAutoencoder(config);
      const summary = summarize(model, config);
      expect(summary.layers.map((l) => l.activation)).toEqual([
        'relu',
        latentActivation,
        'relu',
        'sigmoid',
      ]);
      expect(summary.totalParams).toBe(209_968);
      model.dispose();
    },
  );

  const cases: [LossKind, LatentActivation][] = [
    ['mse', 'relu'],
    ['bce', 'linear'],
    ['mse', 'sigmoid'],
  ];
  it.each(cases)(
    "the hand-written gradients of %s with a %s code equal tfjs's own",
    (lossKind, latentActivation) => {
      const model = buildAutoencoder({
        ...DEFAULT_CONFIG,
        hiddenUnits: 32,
        latentDim: 4,
        latentActivation,
      });
      const images = new BatchBuilder(mnistImages('train', 16), 16).range(0, 16);
      const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const fast = tf.tidy(() => autoencoderGradients(denseWeights(model), images, true, lossKind));
      const stock = tf.variableGrads(
        () => lossMean(lossKind, images, model.apply(images) as tf.Tensor2D),
        variables,
      );
      expect(fast.loss.dataSync()[0]).toBeCloseTo(stock.value.dataSync()[0], 6);
      for (const v of variables) {
        const a = fast.grads[v.name].dataSync() as Float32Array;
        const b = stock.grads[v.name].dataSync() as Float32Array;
        const scale = b.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
        const worst = a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
        expect(worst / Math.max(scale, 1e-12)).toBeLessThan(1e-4);
      }
      tf.dispose([images, fast.loss, fast.prediction, stock.value]);
      tf.dispose([...Object.values(fast.grads), ...Object.values(stock.grads)]);
      model.dispose();
    },
  );
});
