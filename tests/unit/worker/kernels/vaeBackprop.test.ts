import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../../../../src/shared/config';
import { expectedWeightSpecs } from '../../../../src/shared/savedModel';
import { BatchBuilder } from '../../../../src/worker/training/batches';
import {
  buildAutoencoder,
  denseLayers,
  logVarLayer,
  weightedLayers,
} from '../../../../src/worker/models/model';
import { kerasAdam, makeTrainStep, vaeWeights } from '../../../../src/worker/kernels/trainStep';
import { sampleCode, vaeGradients, vaeLossTerms } from '../../../../src/worker/kernels/vaeBackprop';
import { NoiseSource } from '../../../../src/worker/training/noise';
import { mnistImages, useWasmBackend } from '../../support/tfNode';
import { expectGradsMatch } from '../../support/relativeError';

beforeAll(useWasmBackend);

const VAE = { ...DEFAULT_CONFIG, model: 'vae' as const, hiddenUnits: 64, latentDim: 4 };

describe('the VAE loss terms', () => {
  it('gives the KL of a known Gaussian to N(0, I)', () => {
    // KL(N(mu, s^2) || N(0, 1)) = (mu^2 + s^2 - 1 - ln s^2) / 2 per number.
    const mean = tf.tensor2d([
      [0, 0],
      [1, -2],
    ]);
    const logVar = tf.tensor2d([
      [0, 0],
      [Math.log(4), Math.log(0.25)],
    ]);
    const zeros = tf.zeros([2, IMAGE_SIZE]) as tf.Tensor2D;
    const { kl, klPerUnit } = vaeLossTerms(zeros, tf.fill([2, IMAGE_SIZE], 0.5), mean, logVar);
    const expected = [(1 + 4 - 1 - Math.log(4)) / 2 + (4 + 0.25 - 1 - Math.log(0.25)) / 2];
    expect(kl.dataSync()[0]).toBeCloseTo(0, 6);
    expect(kl.dataSync()[1]).toBeCloseTo(expected[0], 5);
    expect(Array.from(klPerUnit.dataSync()).slice(2)).toEqual([
      expect.closeTo((1 + 4 - 1 - Math.log(4)) / 2, 5),
      expect.closeTo((4 + 0.25 - 1 - Math.log(0.25)) / 2, 5),
    ]);
  });

  it('sums the cross-entropy over the 784 pixels', () => {
    const target = tf.ones([1, IMAGE_SIZE]) as tf.Tensor2D;
    const prediction = tf.fill([1, IMAGE_SIZE], 0.5) as tf.Tensor2D;
    const zero = tf.zeros([1, 2]) as tf.Tensor2D;
    const { reconstruction } = vaeLossTerms(target, prediction, zero, zero);
    // Every pixel costs ln 2.
    expect(reconstruction.dataSync()[0]).toBeCloseTo(IMAGE_SIZE * Math.LN2, 2);
  });
});

describe('the hand-written VAE gradients', () => {
  it.each(['wasm', 'cpu'])("equal tfjs's autodiff to 1e-5 on %s", async (backend) => {
    await tf.setBackend(backend);
    const model = buildAutoencoder(VAE);
    const images = new BatchBuilder(mnistImages('train', 32), 32).range(0, 32);
    const epsilon = tf.tensor2d(new NoiseSource(7).fillNormal(new Float32Array(32 * 4)), [32, 4]);
    const beta = 1.5;
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const fast = tf.tidy(() => vaeGradients(vaeWeights(model), images, epsilon, beta));
    const [encoder, mean, decoder, output] = denseLayers(model);
    const head = logVarLayer(model);
    if (!head) throw new Error('no head');
    const stock = tf.variableGrads(() => {
      const hidden = encoder.apply(images) as tf.Tensor2D;
      const mu = mean.apply(hidden) as tf.Tensor2D;
      const logVar = head.apply(hidden) as tf.Tensor2D;
      const code = sampleCode(mu, logVar, epsilon);
      const prediction = output.apply(decoder.apply(code)) as tf.Tensor2D;
      const terms = vaeLossTerms(images, prediction, mu, logVar);
      return tf.mean(tf.add(terms.reconstruction, tf.mul(terms.kl, beta)));
    }, variables);
    const [total, reconstruction, kl] = Array.from(fast.losses.dataSync());
    expect(total).toBeCloseTo(stock.value.dataSync()[0], 3);
    expect(total).toBeCloseTo(reconstruction + beta * kl, 3);
    expect(kl).toBeGreaterThan(0);
    expect(Object.keys(fast.grads).sort()).toEqual(variables.map((v) => v.name).sort());
    expectGradsMatch(fast.grads, stock.grads, variables, 1e-5);
    tf.dispose([images, epsilon, fast.losses, fast.prediction, stock.value]);
    tf.dispose([...Object.values(fast.grads), ...Object.values(stock.grads)]);
    model.dispose();
    await tf.setBackend('wasm');
  });

  it('trains: the total loss and the reconstruction term fall, and KL comes out positive', async () => {
    const model = buildAutoencoder(VAE);
    const optimizer = kerasAdam(1e-3);
    const step = makeTrainStep(model, optimizer, 'bce', VAE);
    const batches = new BatchBuilder(mnistImages('train', 1024), 128);
    const seen: number[][] = [];
    for (let i = 0; i < 60; i++) {
      const losses = tf.tidy(() => step(batches.range((i % 8) * 128, 128)));
      seen.push(Array.from(await losses.data()));
      losses.dispose();
    }
    const first = seen.slice(0, 5);
    const last = seen.slice(-5);
    const avg = (rows: number[][], k: number) => rows.reduce((s, r) => s + r[k], 0) / rows.length;
    expect(avg(last, 0)).toBeLessThan(avg(first, 0) * 0.75);
    expect(avg(last, 1)).toBeLessThan(avg(first, 1));
    expect(avg(last, 2)).toBeGreaterThan(0);
    model.dispose();
    optimizer.dispose();
  });

  it('builds a model whose log-variance head is saved beside the mean', () => {
    const model = buildAutoencoder(VAE);
    expect(weightedLayers(model).map((layer) => layer.name)).toEqual([
      'encoder_hidden',
      'latent',
      'latent_log_var',
      'decoder_hidden',
      'reconstruction',
    ]);
    // The order tfjs saves them in, which a model file is checked against.
    expect(model.weights.map((w) => w.originalName)).toEqual(
      expectedWeightSpecs(VAE).map((spec) => spec.name),
    );
    model.dispose();
  });
});
