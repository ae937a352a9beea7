import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../../../src/shared/config';
import type { PretrainedHistory, PretrainedInfo } from '../../../../src/shared/pretrained';
import type { FromWorker } from '../../../../src/shared/protocol';
import { draftFromConfig } from '../../../../src/shared/settings';
import { initialState, type AppState } from '../../../../src/page/store/appState';
import {
  cannotContinue,
  editSetting,
  reduce,
  resetLab,
  startLabRun,
} from '../../../../src/page/training/lab';
import { clearEarlierRuns, runLabel } from '../../../../src/page/training/runRecords';

const quick: TrainingConfig = { ...DEFAULT_CONFIG, epochs: 1, trainSize: 500 };
const pixels = () => new Float32Array(10 * 784);

function run(state: AppState, runId: number, latentDim: number): AppState {
  let s = editSetting(state, { ...state.lab.draft, latentDim: String(latentDim) });
  s = startLabRun(s, runId, false);
  const messages: FromWorker[] = [
    { type: 'reconstructions', runId, step: 0, pixels: pixels(), timeline: true },
    {
      type: 'progress',
      runId,
      epoch: 1,
      epochs: 1,
      step: 4,
      stepsPerEpoch: 4,
      totalSteps: 4,
      losses: [1, 2, 3, 4].map((step) => ({ step, epoch: step / 4, loss: 0.5 / step })),
      samplesPerSecond: 100,
      elapsedMs: 1234,
    },
    // An untagged picture (the live view) is not kept on the timeline.
    { type: 'reconstructions', runId, step: 3, pixels: pixels(), timeline: false },
    { type: 'epochEnd', runId, epoch: 1, trainLoss: 0.3, valLoss: 0.25 },
    { type: 'reconstructions', runId, step: 4, pixels: pixels(), timeline: true },
    { type: 'runState', runId, state: 'done' },
  ];
  return messages.reduce(reduce, s);
}

function ready(): AppState {
  const s = initialState(quick, []);
  return {
    ...s,
    backend: { name: 'wasm', reason: null, probe: null, threads: 1, threadsReason: null },
  };
}

describe('lab state: timeline and finished runs', () => {
  it('keeps the tagged pictures of the current run, and each finished run with its label', () => {
    let s = run(ready(), 1, 2);
    expect(s.lab.timeline.map((f) => f.step)).toEqual([0, 4]);
    expect(s.lab.runs).toHaveLength(1);
    expect(s.lab.runs[0]).toMatchObject({
      id: 1,
      label: 'latent 2, 1 epoch, 500 images',
      finalTrainLoss: 0.3,
      finalValLoss: 0.25,
      timeMs: 1234,
      backend: 'wasm',
      ending: 'done',
    });
    s = run(s, 2, 8);
    expect(s.lab.runs.map((r) => r.label)).toEqual([
      'latent 2, 1 epoch, 500 images',
      'latent 8, 1 epoch, 500 images',
    ]);
    // A second run with the same settings gets a label of its own.
    s = run(s, 3, 8);
    expect(s.lab.runs.at(-1)?.label).toBe('latent 8, 1 epoch, 500 images (2)');
    expect(clearEarlierRuns(s.lab.runs, 3).map((r) => r.id)).toEqual([3]);
  });

  it('drops pictures of other runs and scrubbing does not change what is kept', () => {
    let s = startLabRun(ready(), 5, false);
    s = reduce(s, { type: 'reconstructions', runId: 4, step: 0, pixels: pixels(), timeline: true });
    s = reduce(s, {
      type: 'reconstructions',
      runId: null,
      step: 0,
      pixels: pixels(),
      timeline: true,
    });
    expect(s.lab.timeline).toEqual([]);
  });

  it('refuses to start with invalid settings and says why Train more is not possible', () => {
    let s = editSetting(ready(), { ...draftFromConfig(quick), batchSize: '9999' });
    expect(s.lab.errors.batchSize).toMatch(/more than the 500 training images/);
    expect(s.config.batchSize).toBe(128); // the last valid settings stay
    expect(cannotContinue(s)).toMatch(/no trained weights/);
    s = run(editSetting(s, draftFromConfig(quick)), 1, 32);
    expect(cannotContinue(s)).toBeNull();
    s = editSetting(s, { ...s.lab.draft, latentDim: '2' });
    expect(cannotContinue(s)).toMatch(/latent size 32/);
    expect(resetLab(s).lab.weights).toBeNull();
  });

  it('names a continued run after the weights it started from', () => {
    const from = { config: DEFAULT_CONFIG, steps: 4690, label: 'pretrained' };
    expect(runLabel({ ...DEFAULT_CONFIG, epochs: 2 }, from)).toBe('pretrained + 2 more epochs');
    expect(runLabel({ ...DEFAULT_CONFIG, epochs: 1, learningRate: 0.01 }, from)).toBe(
      'pretrained + 1 more epoch, lr 0.01',
    );
  });
});

describe('lab state: the pretrained model', () => {
  const info: PretrainedInfo = {
    format: 1,
    config: DEFAULT_CONFIG,
    seed: 42,
    tfjsVersion: '4.22.0',
    backend: 'wasm',
    valLoss: 0.0873,
    trainLoss: 0.0887,
    stepsPerEpoch: 469,
    totalSteps: 4690,
    trainMs: 120_000,
    date: '2026-01-01T00:00:00Z',
    probeIndices: [3, 2, 1, 18, 4, 8, 11, 0, 61, 7],
    howToRegenerate: 'npm run pretrain',
  };
  const history: PretrainedHistory = {
    format: 1,
    stepsPerEpoch: 469,
    totalSteps: 4690,
    every: 5,
    losses: [
      { step: 1, epoch: 1 / 469, loss: 0.69 },
      { step: 4690, epoch: 10, loss: 0.088 },
    ],
    epochs: [{ epoch: 10, trainLoss: 0.0887, valLoss: 0.0873 }],
  };
  const loaded = (runId: number): FromWorker => ({
    type: 'pretrainedLoaded',
    runId,
    info,
    history,
    frames: [
      { step: 0, pixels: pixels() },
      { step: 4690, pixels: pixels() },
    ],
  });

  it('shows its history, its timeline and its val loss, and Train then keeps its weights', () => {
    let s = { ...ready(), runId: 7 };
    s = reduce(s, loaded(7));
    expect(s.runState).toBe('done');
    expect(s.losses).toBe(history.losses);
    expect(s.epochSummaries).toEqual(history.epochs);
    expect(s.progress).toMatchObject({ step: 4690, epochs: 10 });
    expect(s.lab.timeline.map((f) => f.step)).toEqual([0, 4690]);
    expect(s.lab.runs.map((r) => r.label)).toEqual(['pretrained']);
    expect(s.lab.startFrom).toBe('current');
    expect(s.lab.pretrained).toMatchObject({ status: 'loaded', checking: true });
    s = reduce(s, { type: 'pretrainedChecked', runId: 7, valLoss: 0.0874 });
    expect(s.lab.pretrained).toMatchObject({ measuredValLoss: 0.0874, checking: false });
    // The notebook's settings fit its shape: Train more is possible.
    s = editSetting(s, draftFromConfig(DEFAULT_CONFIG));
    expect(cannotContinue(s)).toBeNull();
    const next = startLabRun(s, 8, false);
    expect(next.lab.run?.label).toBe('pretrained + 10 more epochs');
    expect(next.lab.run?.from?.steps).toBe(4690);
  });

  it('ignores an answer meant for an older request', () => {
    const s = { ...ready(), runId: 9 };
    expect(reduce(s, loaded(7))).toEqual(s);
    expect(reduce(s, { type: 'pretrainedError', runId: 7, message: 'x' })).toEqual(s);
  });
});
