import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../../../src/shared/config';
import type { Trainer } from '../../../../src/worker/training/trainer';
import { EventRecorder } from '../../support/recorder';
import { trainerFixture } from '../../support/trainerFixture';

const fixture = trainerFixture(1024, 500);

function makeTrainer(overrides: Partial<TrainingConfig>, events = new EventRecorder()) {
  const config = { ...DEFAULT_CONFIG, trainSize: 1024, ...overrides };
  const trainer = fixture.make({ config, events });
  return { trainer, events };
}

async function steps(trainer: Trainer, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await trainer.step();
}

describe('Trainer', () => {
  it('runs a short run to done with one epoch end and finite losses', async () => {
    const { trainer, events } = makeTrainer({ trainSize: 300, batchSize: 64, epochs: 1 });
    expect(trainer.summary.totalParams).toBe(209_968);
    expect(trainer.stepsPerEpoch).toBe(5);
    trainer.start(false);
    await events.until(() => events.states.includes('done'));
    expect(events.states).toEqual(['running', 'done']);
    expect(events.epochEnds).toHaveLength(1);
    const [end] = events.epochEnds;
    expect(end.epoch).toBe(1);
    expect(Number.isFinite(end.trainLoss) && Number.isFinite(end.valLoss)).toBe(true);
    // Five batches, the last one partial (300 = 4 x 64 + 44); all reported once, in order.
    expect(events.losses.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(events.losses[4].epoch).toBe(1);
    const weighted = events.losses.reduce((s, p, i) => s + p.loss * (i < 4 ? 64 : 44), 0) / 300;
    expect(end.trainLoss).toBeCloseTo(weighted, 6);
    expect(events.reconstructionSteps.at(-1)).toBe(5);
    expect(events.lastPixels).toHaveLength(10 * 784);
    expect(events.errors).toEqual([]);
    // Nothing more happens once done.
    trainer.pause();
    trainer.resume();
    await trainer.step();
    expect(events.states).toEqual(['running', 'done']);
  });

  it('follows the same curve for the same seed, a different one for another', async () => {
    const curve = async (seed: number): Promise<number[]> => {
      const { trainer, events } = makeTrainer({ seed, trainSize: 256, batchSize: 64, epochs: 3 });
      trainer.start(true);
      await steps(trainer, 6); // crosses an epoch boundary, so the reshuffle counts too
      return events.losses.map((p) => p.loss);
    };
    const a = await curve(11);
    expect(a).toHaveLength(6);
    expect(await curve(11)).toEqual(a);
    expect(await curve(12)).not.toEqual(a);
  });

  it('steps exactly one batch at a time while paused', async () => {
    const { trainer, events } = makeTrainer({});
    const before = trainer.reconstructProbes();
    expect(before).toHaveLength(10 * 784);
    expect(before.every((v) => v >= 0 && v <= 1)).toBe(true);
    trainer.step(); // not started: a no-op
    trainer.start(true);
    expect(events.states).toEqual(['paused']);
    await trainer.step();
    await trainer.step();
    expect(events.losses.map((p) => p.step)).toEqual([1, 2]);
    expect(events.progresses.at(-1)).toMatchObject({ step: 2, epoch: 1, stepsPerEpoch: 8 });
    expect(events.progresses.at(-1)?.totalSteps).toBe(80);
    // Step 0 (the starting weights) opens the run's timeline; then one picture per Step.
    expect(events.reconstructionSteps).toEqual([0, 1, 2]);
  });

  it('stops with an error when the loss stops being finite', async () => {
    const { trainer, events } = makeTrainer({ learningRate: Number.POSITIVE_INFINITY });
    trainer.start(false);
    await events.until(() => events.states.includes('stopped'));
    expect(events.errors).toHaveLength(1);
    expect(events.errors[0]).toMatch(/learning rate is probably too high/);
    expect(events.states).toEqual(['running', 'stopped']);
    await trainer.whenIdle();
    expect(events.epochEnds).toEqual([]);
  });

  it('leaks no tensors across steps, pause/resume, stop and dispose', async () => {
    const baseline = tf.memory().numTensors;
    const { trainer, events } = makeTrainer({});
    trainer.start(true);
    await steps(trainer, 2); // warm-up: Adam creates its moment variables on the first step
    await trainer.whenIdle();
    const steady = tf.memory().numTensors;
    await steps(trainer, 20);
    await trainer.whenIdle();
    expect(tf.memory().numTensors).toBe(steady);

    trainer.resume(); // runs on the default MessageChannel scheduler
    await events.until(() => events.losses.length >= 30);
    trainer.pause();
    trainer.pause(); // wrong state: no-op
    await trainer.whenIdle();
    expect(tf.memory().numTensors).toBe(steady);
    expect(events.states).toEqual(['paused', 'running', 'paused']);
    const stepsSoFar = events.losses.length;
    await trainer.step();
    expect(events.losses.length).toBe(stepsSoFar + 1);

    trainer.stop();
    trainer.resume(); // wrong state: no-op
    await trainer.step(); // wrong state: no-op
    await trainer.whenIdle();
    expect(events.states.at(-1)).toBe('stopped');
    expect(events.losses.length).toBe(stepsSoFar + 1);
    expect(tf.memory().numTensors).toBe(steady);
    // The weights stay usable for views after a stop.
    expect(trainer.reconstructProbes()).toHaveLength(10 * 784);

    trainer.dispose();
    await trainer.whenIdle();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
