import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../../../src/shared/config';
import { Trainer } from '../../../../src/worker/training/trainer';
import { EventRecorder } from '../../support/recorder';
import { mnistImages, useWasmBackend, type ImageSlice } from '../../support/tfNode';

let train: ImageSlice;
let test: ImageSlice;
let probes: Uint8Array;
const live: Trainer[] = [];
const config: TrainingConfig = { ...DEFAULT_CONFIG, trainSize: 512, batchSize: 64, epochs: 1 };

beforeAll(async () => {
  await useWasmBackend();
  train = mnistImages('train', 512);
  test = mnistImages('t10k', 100);
  probes = test.pixels.slice(0, 10 * 784);
});

afterEach(() => {
  for (const t of live.splice(0)) t.dispose();
});

function make(overrides: Partial<ConstructorParameters<typeof Trainer>[0]> = {}) {
  const events = new EventRecorder();
  const trainer = new Trainer({ config, train, test, probes, events, ...overrides });
  live.push(trainer);
  return { trainer, events };
}

describe('Train more: a Trainer around existing weights', () => {
  it('starts from the handed-over weights and counts steps on from them', async () => {
    const first = make();
    first.trainer.start(false);
    await first.events.until(() => first.events.states.includes('done'));
    await first.trainer.whenIdle();
    const trained = first.trainer.reconstructProbes();
    const firstLoss = first.events.losses[0].loss;
    const lastLoss = first.events.losses.at(-1)?.loss ?? NaN;
    const before = tf.memory().numTensors;

    const from = first.trainer.handOverModel();
    expect(from.steps).toBe(8);
    const second = make({ model: from.model, priorSteps: from.steps });
    // Same weights: the same pictures, and the network was not rebuilt.
    expect(second.trainer.reconstructProbes()).toEqual(trained);
    expect(second.trainer.network).toBe(from.model);
    expect(second.trainer.globalStep).toBe(8);
    second.trainer.start(true);
    await second.trainer.step();
    // It goes on from a trained loss, far below where fresh weights start.
    expect(second.events.losses[0].loss).toBeLessThan(firstLoss - 0.03);
    expect(second.events.losses[0].loss).toBeLessThan(lastLoss * 1.15);
    expect(second.trainer.globalStep).toBe(9);
    expect(tf.memory().numTensors).toBeGreaterThanOrEqual(before - 1);
  });

  it('refuses weights of another shape, in words', () => {
    const first = make();
    expect(first.trainer.cannotContinueWith({ ...config, latentDim: 2 })).toMatch(
      /latent size 32.*not the 2/,
    );
    expect(first.trainer.cannotContinueWith(config)).toBeNull();
    const { model } = first.trainer.handOverModel();
    expect(() => make({ model, config: { ...config, hiddenUnits: 64 } })).toThrow(
      /Cannot train these weights/,
    );
    model.dispose();
  });
});

describe('slow motion', () => {
  it('holds the loop to the set pace and shows every step', async () => {
    const { trainer, events } = make({ stepsPerSecond: 20 });
    const started = performance.now();
    trainer.start(false);
    await events.until(() => events.losses.length >= 6);
    const elapsed = performance.now() - started;
    trainer.pause();
    await trainer.whenIdle();
    // 6 steps at 20 a second: at least 5 waits of 50 ms.
    expect(elapsed).toBeGreaterThanOrEqual(240);
    // Every step's loss arrived on its own and every step got its picture.
    expect(events.progresses.slice(0, 6).map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let s = 0; s <= 6; s++) expect(events.reconstructionSteps).toContain(s);
    trainer.setSpeed(null);
    trainer.resume();
    await events.until(() => events.states.includes('done'));
  });
});
