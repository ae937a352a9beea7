import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../../../src/shared/config';
import type { LossPoint } from '../../../../src/shared/protocol';
import { DivergenceWatch } from '../../../../src/worker/training/divergence';
import { EventRecorder } from '../../support/recorder';
import { trainerFixture } from '../../support/trainerFixture';

const fixture = trainerFixture(2048, 200);

/** Records the error kind and rewinds too. */
class Recorder extends EventRecorder {
  readonly kinds: (string | undefined)[] = [];
  readonly rewinds: number[] = [];
  override error(message: string, kind?: 'diverged'): void {
    this.kinds.push(kind);
    super.error(message);
  }
  rewound(step: number): void {
    this.rewinds.push(step);
  }
}

function makeTrainer(overrides: Partial<TrainingConfig>, gpuLost = () => false) {
  const events = new Recorder();
  const config = { ...DEFAULT_CONFIG, trainSize: 2048, ...overrides };
  const trainer = fixture.make({ config, events, gpuLost });
  return { trainer, events };
}

const points = (losses: number[]): LossPoint[] =>
  losses.map((loss, i) => ({ step: i + 1, epoch: 0, loss }));

describe('DivergenceWatch', () => {
  it('calls a run diverged only after ten losses in a row above twice the first', () => {
    const watch = new DivergenceWatch();
    expect(watch.observe(points([0.7, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0.5]))).toBeNull();
    const verdict = new DivergenceWatch().observe(points([0.7, 0.6, ...Array(10).fill(2.1)]));
    expect(verdict?.since).toBe(3);
    expect(verdict?.message).toMatch(
      /went up instead of down \(from 0\.70 at the start to 2\.10\)/,
    );
    expect(verdict?.message).toMatch(/learning rate is probably too high/);
  });
});

describe('Trainer safety net', () => {
  it('stops a run at learning rate 5 and keeps the weights from before it went wrong', async () => {
    const { trainer, events } = makeTrainer({ learningRate: 5, seed: 3 });
    const untrained = trainer.reconstructProbes();
    trainer.start(false);
    await events.until(() => events.errors.length > 0);
    await trainer.whenIdle();
    expect(events.states).toEqual(['running', 'stopped']);
    expect(events.kinds).toEqual(['diverged']);
    expect(events.errors[0]).toMatch(/learning rate is probably too high/);
    expect(events.errors[0]).toMatch(/The weights from step 0, before it went wrong, are kept/);
    // Step 0's weights are the untrained ones: they are back, not the dead network's.
    expect(trainer.reconstructProbes()).toEqual(untrained);
  });

  it('goes back to the last checkpoint and replays the same steps after a lost GPU', async () => {
    let lost = false;
    const { trainer, events } = makeTrainer({ batchSize: 32, seed: 9 }, () => lost);
    trainer.start(true);
    for (let i = 0; i < 30; i++) await trainer.step();
    await trainer.whenIdle();
    const original = events.losses.map((p) => p.loss);
    expect(original).toHaveLength(30);

    lost = true; // what the GPU guard would say; the rebuild "brings a backend back"
    const step = await trainer.recoverFromGpuLoss(async () => {
      lost = false;
    });
    expect(step).toBe(25); // checkpoints every 25 steps
    expect(events.rewinds).toEqual([25]);
    expect(trainer.globalStep).toBe(25);
    const before = events.losses.length;
    for (let i = 0; i < 5; i++) await trainer.step();
    await trainer.whenIdle();
    const replayed = events.losses.slice(before);
    expect(replayed.map((p) => p.step)).toEqual([26, 27, 28, 29, 30]);
    // Same weights, same Adam moments, same batches: the same losses. (Not to the last bit: tfjs
    // recomputes Adam's beta powers as pow(beta, t) on restore, where training multiplied them.)
    replayed.forEach((p, i) => expect(p.loss).toBeCloseTo(original[25 + i], 6));
    expect(replayed[0].loss).toBe(original[25]);
    expect(events.errors).toEqual([]);
  });

  it('reports no failure while the GPU is lost, and asks for recovery instead', async () => {
    let asked = 0;
    const events = new Recorder();
    const config = { ...DEFAULT_CONFIG, trainSize: 2048 };
    const trainer = fixture.make({
      config,
      events,
      gpuLost: () => true,
      onGpuLost: () => asked++,
    });
    trainer.start(true);
    // A NaN read from a dying GPU is not a divergence.
    (trainer as unknown as { diverged: (v: { since: number; message: string }) => void }).diverged({
      since: 1,
      message: 'x',
    });
    expect(events.errors).toEqual([]);
    expect(asked).toBe(1);
  });
});
