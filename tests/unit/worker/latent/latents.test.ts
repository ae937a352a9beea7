import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, IMAGE_SIZE, type TrainingConfig } from '../../../../src/shared/config';
import { meanLoss } from '../../../../src/worker/latent/evaluate';
import { evaluateSet, latentDimOf } from '../../../../src/worker/latent/latents';
import { buildAutoencoder, encoderOf } from '../../../../src/worker/models/model';
import { Trainer } from '../../../../src/worker/training/trainer';
import { EventRecorder } from '../../support/recorder';
import { mnistImages, useWasmBackend, type ImageSlice } from '../../support/tfNode';

let test: ImageSlice;
const live: Trainer[] = [];

beforeAll(async () => {
  await useWasmBackend();
  test = mnistImages('t10k', 250);
});

afterEach(() => {
  for (const t of live.splice(0)) t.dispose();
});

describe('evaluateSet: codes and losses of a whole split in one pass', () => {
  it.each([1, 2, 8, 32, 100])(
    'gives count x %i codes that match the encoder half, without leaking tensors',
    async (latentDim) => {
      const model = buildAutoencoder({ ...DEFAULT_CONFIG, latentDim });
      expect(latentDimOf(model)).toBe(latentDim);
      const before = tf.memory().numTensors;
      // Chunks of 100 over 250 images: the short last chunk is included.
      const result = await evaluateSet(model, test, () => false, 100);
      expect(tf.memory().numTensors).toBe(before);
      if (!result) throw new Error('not cancelled, yet no result');
      expect(result.latentDim).toBe(latentDim);
      expect(result.codes).toHaveLength(250 * latentDim);
      expect(result.losses).toHaveLength(250);
      // ReLU codes: never negative.
      expect(result.codes.every((v) => v >= 0)).toBe(true);

      const encoded = tf.tidy(() => {
        const images = tf.tensor2d(
          Float32Array.from(test.pixels, (p) => p / 255),
          [250, IMAGE_SIZE],
        );
        return encoderOf(model).predict(images) as tf.Tensor2D;
      });
      expect(encoded.shape).toEqual([250, latentDim]);
      const expected = encoded.dataSync();
      encoded.dispose();
      let maxDiff = 0;
      expected.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - result.codes[i]))));
      expect(maxDiff).toBeLessThan(1e-5);
      model.dispose();
    },
  );

  it('gives the same validation loss as before, and per-image losses that average to it', async () => {
    const model = buildAutoencoder(DEFAULT_CONFIG);
    const result = await evaluateSet(model, test, () => false, 100);
    const reference = await meanLoss(model, test, () => false, 100);
    if (!result || reference === null) throw new Error('not cancelled, yet no result');
    expect(result.meanLoss).toBeCloseTo(reference, 5);
    const mean = result.losses.reduce((a, b) => a + b, 0) / 250;
    expect(mean).toBeCloseTo(result.meanLoss, 6);
    // An untrained network's BCE sits near ln 2 per pixel on the dark background.
    expect(result.losses.every((l) => l > 0.1 && l < 1.5)).toBe(true);
    model.dispose();
  });

  it('stops between chunks when cancelled', async () => {
    const model = buildAutoencoder(DEFAULT_CONFIG);
    let chunks = 0;
    const before = tf.memory().numTensors;
    const result = await evaluateSet(model, test, () => chunks++ >= 1, 100);
    expect(result).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('Trainer latent codes', () => {
  function makeTrainer(overrides: Partial<TrainingConfig>) {
    const events = new EventRecorder();
    const config = { ...DEFAULT_CONFIG, trainSize: 256, batchSize: 64, ...overrides };
    const train = mnistImages('train', 256);
    const probes = test.pixels.slice(0, 10 * IMAGE_SIZE);
    const trainer = new Trainer({ config, train, test, probes, events });
    live.push(trainer);
    return { trainer, events };
  }

  it('sends the test codes at each epoch end, from the same pass as the validation loss', async () => {
    const { trainer, events } = makeTrainer({ epochs: 2, latentDim: 8 });
    trainer.start(false);
    await events.until(() => events.states.includes('done'));
    expect(events.codes.map((c) => c.step)).toEqual([4, 8]);
    for (const c of events.codes) {
      expect(c.latentDim).toBe(8);
      expect(c.codes).toHaveLength(250 * 8);
      expect(c.losses).toHaveLength(250);
    }
    const last = events.codes[1];
    const mean = last.losses.reduce((a, b) => a + b, 0) / 250;
    expect(mean).toBeCloseTo(events.epochEnds[1].valLoss, 5);
  });

  it('encodes on demand (untrained: step 0) and when a run is stopped', async () => {
    const { trainer, events } = makeTrainer({ epochs: 5 });
    await trainer.encodeTestSet();
    expect(events.codes.map((c) => c.step)).toEqual([0]);
    expect(events.codes[0].codes).toHaveLength(250 * 32);

    trainer.start(true);
    await trainer.step();
    await trainer.step();
    trainer.stop();
    await events.until(() => events.codes.length === 2);
    expect(events.codes[1].step).toBe(2);
    expect(events.codes[1].codes).not.toEqual(events.codes[0].codes);
  });
});
