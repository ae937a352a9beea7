import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, IMAGE_SIZE, type TrainingConfig } from '../../../../src/shared/config';
import {
  checkModelFiles,
  applyWeights,
  serializeModel,
} from '../../../../src/worker/models/modelFiles';
import { buildAutoencoder } from '../../../../src/worker/models/model';
import { decodeCodes } from '../../../../src/worker/latent/playground';
import { EventRecorder } from '../../support/recorder';
import { trainerFixture } from '../../support/trainerFixture';

const fixture = trainerFixture(1024, 500);

async function run(overrides: Partial<TrainingConfig>) {
  const events = new EventRecorder();
  const config = { ...DEFAULT_CONFIG, trainSize: 512, batchSize: 64, epochs: 2, ...overrides };
  const trainer = fixture.make({ config, events });
  trainer.start(false);
  await events.until(() => events.states.includes('done'));
  return { trainer, events };
}

describe('a denoising run', () => {
  it('shows the damaged probes beside their rebuilds, and learns', async () => {
    const { events } = await run({ model: 'denoising', noise: 0.5, noiseKind: 'mask' });
    const inputs = events.lastInputs;
    if (!inputs) throw new Error('no inputs were sent');
    expect(inputs).toHaveLength(10 * IMAGE_SIZE);
    // About half of the ink is gone from what the network is given.
    const probes = fixture.probes();
    const ink = Array.from(probes).filter((v) => v > 0).length;
    const kept = Array.from(inputs).filter((v, i) => v > 0 && probes[i] > 0).length;
    expect(kept / ink).toBeGreaterThan(0.4);
    expect(kept / ink).toBeLessThan(0.6);
    const [first, second] = events.epochEnds;
    expect(second.valLoss).toBeLessThan(first.valLoss);
    expect(first.valParts).toBeUndefined();
  });

  it('scores the test set on damaged digits: higher than the same weights on clean ones', async () => {
    const { trainer, events } = await run({ model: 'denoising', noise: 0.5, epochs: 1 });
    const noisyVal = events.epochEnds[0].valLoss;
    // The same weights, scored as a standard model would be (clean inputs).
    const clean = fixture.make({
      config: { ...DEFAULT_CONFIG, trainSize: 512, batchSize: 64, epochs: 1 },
      events: new EventRecorder(),
      model: trainer.handOverModel().model,
    });
    const cleanVal = await clean.encodeTestSet();
    expect(cleanVal).not.toBeNull();
    expect(noisyVal).toBeGreaterThan(cleanVal ?? Infinity);
  });
});

describe('a VAE run', () => {
  it('reports both terms per batch and per epoch, and the KL per unit', async () => {
    const { events } = await run({ model: 'vae', latentDim: 4 });
    const points = events.losses;
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) {
      if (!p.parts) throw new Error(`step ${p.step} has no parts`);
      expect(p.loss).toBeCloseTo(p.parts.reconstruction + p.parts.kl, 2);
    }
    const [first, second] = events.epochEnds;
    for (const end of [first, second]) {
      if (!end.trainParts || !end.valParts) throw new Error('an epoch end has no parts');
      expect(end.valLoss).toBeCloseTo(end.valParts.reconstruction + end.valParts.kl, 2);
      expect(end.trainLoss).toBeCloseTo(end.trainParts.reconstruction + end.trainParts.kl, 2);
    }
    expect(second.valLoss).toBeLessThan(first.valLoss);
    const codes = events.codes.at(-1);
    expect(codes?.unitKl).toHaveLength(4);
    const unitSum = Array.from(codes?.unitKl ?? []).reduce((a, b) => a + b, 0);
    expect(unitSum).toBeCloseTo(second.valParts?.kl ?? NaN, 3);
  });

  it('weighs the KL term by beta', async () => {
    const { events } = await run({ model: 'vae', latentDim: 4, beta: 4, epochs: 1 });
    const end = events.epochEnds[0];
    if (!end.valParts) throw new Error('no parts');
    expect(end.valLoss).toBeCloseTo(end.valParts.reconstruction + 4 * end.valParts.kl, 2);
  });

  it('saved and loaded again, decodes the same images', async () => {
    const { trainer } = await run({ model: 'vae', latentDim: 2, epochs: 1 });
    const model = trainer.network;
    const config = { ...DEFAULT_CONFIG, model: 'vae' as const, latentDim: 2 };
    const files = await serializeModel(model, {
      name: 'vae',
      config,
      step: 8,
      history: { losses: [], epochSummaries: [] },
      weightsFile: 'w.bin',
    });
    const parsed = await checkModelFiles(files.json, files.weights);
    expect(parsed.meta.config.model).toBe('vae');
    const loaded = buildAutoencoder({ ...config, seed: 99 });
    const codes = Float32Array.of(0, 0, 1, -1, -1.5, 0.5);
    expect(await decodeCodes(loaded, codes)).not.toEqual(await decodeCodes(model, codes));
    applyWeights(loaded, parsed, files.weights);
    expect(await decodeCodes(loaded, codes)).toEqual(await decodeCodes(model, codes));
    // The variance head came back too.
    const head = (m: tf.LayersModel) => m.getLayer('latent_log_var').getWeights()[0].dataSync();
    expect(head(loaded)).toEqual(head(model));
    loaded.dispose();
  });

  it('refuses to train standard weights as a VAE, saying why', async () => {
    const { trainer } = await run({ epochs: 1 });
    expect(trainer.cannotContinueWith({ ...DEFAULT_CONFIG, model: 'vae' })).toMatch(/variational/);
  });
});
