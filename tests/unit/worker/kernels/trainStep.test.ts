import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import { autoencoderGradients } from '../../../../src/worker/kernels/backprop';
import { BatchBuilder } from '../../../../src/worker/training/batches';
import { bceMean } from '../../../../src/worker/kernels/loss';
import { buildAutoencoder } from '../../../../src/worker/models/model';
import {
  denseWeights,
  kerasAdam,
  makeTrainStep,
  type TrainStepFn,
} from '../../../../src/worker/kernels/trainStep';
import { mnistImages, useWasmBackend } from '../../support/tfNode';
import { expectGradsMatch } from '../../support/relativeError';

beforeAll(useWasmBackend);

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** tfjs's own path: the tape through the Dense layers and the Keras loss. */
function stockStep(model: tf.LayersModel, optimizer: tf.Optimizer): TrainStepFn {
  return (images) =>
    tf.tidy(() => {
      const loss = optimizer.minimize(
        () => bceMean(images, model.apply(images) as tf.Tensor2D),
        true,
      );
      if (loss === null) throw new Error('no loss');
      return loss;
    });
}

/** Batch losses of `steps` steps over the first 1024 training digits, in a fixed order. */
async function trainLosses(step: TrainStepFn, steps: number): Promise<number[]> {
  const batches = new BatchBuilder(mnistImages('train', 1024), 128);
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    const loss = tf.tidy(() => step(batches.range((i % 8) * 128, 128)));
    losses.push((await loss.data())[0]);
    loss.dispose();
  }
  return losses;
}

describe('the hand-written training step', () => {
  // wasm takes the explicit-transpose path, cpu the transposed-matMul one.
  it.each(['wasm', 'cpu'])("equals tfjs's own loss and gradients on %s", async (backend) => {
    await tf.setBackend(backend);
    const model = buildAutoencoder({ ...DEFAULT_CONFIG, hiddenUnits: 64, latentDim: 8 });
    const images = new BatchBuilder(mnistImages('train', 32), 32).range(0, 32);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const fast = tf.tidy(() => autoencoderGradients(denseWeights(model), images));
    const stock = tf.variableGrads(
      () => bceMean(images, model.apply(images) as tf.Tensor2D),
      variables,
    );
    expect(fast.loss.dataSync()[0]).toBeCloseTo(stock.value.dataSync()[0], 6);
    expect(Object.keys(fast.grads).sort()).toEqual(variables.map((v) => v.name).sort());
    expectGradsMatch(fast.grads, stock.grads, variables, 1e-5);
    tf.dispose([images, fast.loss, fast.prediction, stock.value]);
    tf.dispose([...Object.values(fast.grads), ...Object.values(stock.grads)]);
    model.dispose();
    await tf.setBackend('wasm');
  });

  it('reaches the same loss as the stock path on a fixed seed and subset', async () => {
    const run = async (kind: 'fast' | 'stock') => {
      const model = buildAutoencoder(DEFAULT_CONFIG);
      const optimizer = kerasAdam(DEFAULT_CONFIG.learningRate);
      const step = kind === 'fast' ? makeTrainStep(model, optimizer) : stockStep(model, optimizer);
      const losses = await trainLosses(step, 40);
      model.dispose();
      optimizer.dispose();
      return losses;
    };
    const fast = await run('fast');
    const stock = await run('stock');
    // Observed: ~0.69 -> ~0.27; the loss must actually fall for the comparison to mean much.
    expect(mean(fast.slice(-5))).toBeLessThan(0.6 * mean(fast.slice(0, 5)));
    expect(fast.every(Number.isFinite)).toBe(true);
    const relative = Math.abs(mean(fast.slice(-5)) - mean(stock.slice(-5))) / mean(stock.slice(-5));
    expect(relative).toBeLessThan(0.01);
  });

  it('leaves no tensors behind', async () => {
    const model = buildAutoencoder(DEFAULT_CONFIG);
    const optimizer = kerasAdam(DEFAULT_CONFIG.learningRate);
    const step = makeTrainStep(model, optimizer);
    await trainLosses(step, 2); // Adam creates its moment variables on the first step.
    const before = tf.memory().numTensors;
    await trainLosses(step, 3);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    optimizer.dispose();
  });
});
