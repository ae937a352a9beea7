import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import { BatchBuilder } from '../../../../src/worker/training/batches';
import { NoiseSource, corrupt, corruptPixels } from '../../../../src/worker/training/noise';
import { buildAutoencoder } from '../../../../src/worker/models/model';
import { kerasAdam, makeTrainStep } from '../../../../src/worker/kernels/trainStep';
import { autoencoderGradients } from '../../../../src/worker/kernels/backprop';
import { denseWeights } from '../../../../src/worker/kernels/trainStep';
import { mnistImages, useWasmBackend } from '../../support/tfNode';

beforeAll(useWasmBackend);

describe('the denoising noise', () => {
  it.each([0.1, 0.5, 0.8])('drops pixels at the rate asked (%s)', (rate) => {
    const mask = new NoiseSource(123).fillMask(new Float32Array(100_000), rate);
    const dropped = mask.filter((v) => v === 0).length / mask.length;
    expect(dropped).toBeCloseTo(rate, 2);
    expect(mask.every((v) => v === 0 || v === 1)).toBe(true);
  });

  it('draws Gaussian values with the strength as their spread', () => {
    const values = new NoiseSource(9).fillNormal(new Float32Array(200_000), 0.5);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(0, 2);
    expect(sd).toBeCloseTo(0.5, 2);
  });

  it('is the same for the same seed and differs for another', () => {
    const draw = (seed: number) => new NoiseSource(seed).fillMask(new Float32Array(1000), 0.5);
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });

  it('damages the inputs only: clipped to [0, 1], the clean images untouched', () => {
    const images = new BatchBuilder(mnistImages('train', 8), 8).range(0, 8);
    const before = images.dataSync<'float32'>().slice();
    const noisy = corrupt(images, { kind: 'gaussian', strength: 0.5 }, new NoiseSource(3));
    const values = noisy.dataSync();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(values).not.toEqual(before);
    expect(images.dataSync()).toEqual(before);
    const pixels = corruptPixels(before, { kind: 'mask', strength: 0.5 }, new NoiseSource(3));
    // Dropped pixels go to 0; kept ones keep their value exactly.
    pixels.forEach((value, i) => expect(value === 0 || value === before[i]).toBe(true));
    tf.dispose([images, noisy]);
  });

  it('scores the rebuild of the damaged input against the clean image', () => {
    const model = buildAutoencoder({ ...DEFAULT_CONFIG, hiddenUnits: 32, latentDim: 4 });
    const images = new BatchBuilder(mnistImages('train', 16), 16).range(0, 16);
    const noisy = corrupt(images, { kind: 'mask', strength: 0.5 }, new NoiseSource(11));
    const layers = denseWeights(model);
    const against = (target: tf.Tensor2D) =>
      tf.tidy(
        () => autoencoderGradients(layers, noisy, undefined, 'bce', target).loss.dataSync()[0],
      );
    expect(against(images)).not.toBeCloseTo(against(noisy), 4);
    // The denoising step's loss is that of damaged inputs against clean targets.
    const optimizer = kerasAdam(1e-3);
    const step = makeTrainStep(model, optimizer, 'bce', {
      model: 'denoising',
      noise: 0.5,
      noiseKind: 'mask',
      beta: 1,
      seed: 42,
    });
    const loss = tf.tidy(() => step(images));
    expect(loss.dataSync()[0]).toBeGreaterThan(0);
    tf.dispose([images, noisy, loss]);
    model.dispose();
    optimizer.dispose();
  });
});
