import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../../../../src/shared/config';
import {
  PRETRAINED_FORMAT,
  encodeFrame,
  type PretrainedMeta,
} from '../../../../src/shared/pretrained';
import type { FromWorker } from '../../../../src/shared/protocol';
import type { MnistData } from '../../../../src/worker/data/dataset';
import { createMessageHandler, type TrainerOptions } from '../../../../src/worker/handler/handler';
import type { LoadedPretrained } from '../../../../src/worker/models/pretrainedOps';
import { singleChunk } from '../../../../src/worker/data/pixelChunks';
import type { Trainer } from '../../../../src/worker/training/trainer';

function tinyData(): MnistData {
  const split = (count: number) => ({
    ...singleChunk(new Uint8Array(count * IMAGE_SIZE).fill(1)),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  });
  const credit = { name: 'MNIST', authors: 'a', license: 'l', licenseUrl: 'u', sourceUrl: 's' };
  return {
    train: split(40),
    test: split(20),
    credit,
    totalBytes: 1,
    pixelDigests: [],
  };
}

const fakeModel = () => ({ dispose: vi.fn(), name: 'model' });

function fakeTrainer(options: TrainerOptions) {
  let state = 'idle';
  const model = options.model ?? fakeModel();
  return {
    options,
    summary: { layers: [], totalParams: 0, inputSize: 784, latentDim: options.config.latentDim },
    get runState() {
      return state;
    },
    globalStep: options.priorSteps ?? 0,
    reconstructProbes: () => new Float32Array(options.probes.length),
    probeInputs: () => null,
    encodeTestSet: vi.fn(async () => 0.0873),
    setSpeed: vi.fn(),
    start: vi.fn(() => {
      state = 'running';
    }),
    stop: vi.fn(() => {
      state = 'stopped';
    }),
    cannotContinueWith: (config: typeof DEFAULT_CONFIG) =>
      config.latentDim === options.config.latentDim ? null : 'another shape',
    handOverModel: vi.fn(() => ({ model, steps: options.priorSteps ?? 0 })),
    dispose: vi.fn(),
  };
}

const meta: PretrainedMeta = {
  format: PRETRAINED_FORMAT,
  config: DEFAULT_CONFIG,
  seed: 42,
  tfjsVersion: '4.22.0',
  backend: 'wasm',
  valLoss: 0.0873,
  trainLoss: 0.0887,
  stepsPerEpoch: 469,
  totalSteps: 4690,
  trainMs: 1000,
  date: 'now',
  probeIndices: [],
  timeline: [{ step: 0, pixels: encodeFrame(new Float32Array(10 * IMAGE_SIZE).fill(0.5)) }],
  howToRegenerate: 'npm run pretrain',
};

function setup(load: (url: string) => Promise<LoadedPretrained>) {
  const posted: FromWorker[] = [];
  const trainers: ReturnType<typeof fakeTrainer>[] = [];
  const handle = createMessageHandler((m) => posted.push(m), {
    createLoader: () => ({ load: async () => tinyData() }),
    selectBackend: async () => ({ name: 'wasm', reason: null }),
    createTrainer: (options) => {
      const trainer = fakeTrainer(options);
      trainers.push(trainer);
      return trainer as unknown as Trainer;
    },
    loadPretrained: load,
  });
  const types = () => posted.map((m) => m.type);
  return { handle, posted, trainers, types };
}

const init = { type: 'init', dataBaseUrl: 'http://x/data/', config: DEFAULT_CONFIG } as const;
const history = {
  format: 1,
  stepsPerEpoch: 469,
  totalSteps: 4690,
  every: 5,
  losses: [],
  epochs: [],
};

describe('worker: the pretrained model, Train more and slow motion', () => {
  it('loads the pretrained weights into a trainer, then measures its val loss', async () => {
    const model = fakeModel();
    const load = vi.fn(async () => ({ model, meta, history }) as unknown as LoadedPretrained);
    const { handle, posted, trainers, types } = setup(load);
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('reconstructions'));
    handle({ type: 'loadPretrained', runId: 3, baseUrl: 'http://x/pretrained/' });
    await vi.waitFor(() => expect(types()).toContain('pretrainedChecked'));
    expect(load).toHaveBeenCalledWith('http://x/pretrained/');
    const adopted = trainers.at(-1);
    expect(adopted?.options.model).toBe(model);
    expect(adopted?.options.priorSteps).toBe(4690);
    const loaded = posted.find((m) => m.type === 'pretrainedLoaded');
    expect(loaded).toMatchObject({ runId: 3, info: { valLoss: 0.0873 } });
    expect(loaded?.type === 'pretrainedLoaded' && loaded.frames[0].pixels[0]).toBeCloseTo(0.5, 2);
    expect(posted.at(-1)).toEqual({ type: 'pretrainedChecked', runId: 3, valLoss: 0.0873 });
    expect(posted).toContainEqual(expect.objectContaining({ type: 'reconstructions', step: 4690 }));

    // Train more: the next run's trainer gets the same model, its steps counted on.
    handle({
      type: 'start',
      runId: 4,
      config: DEFAULT_CONFIG,
      paused: false,
      continueTraining: true,
    });
    await vi.waitFor(() => expect(trainers.at(-1)?.start).toHaveBeenCalled());
    expect(trainers.at(-1)?.options.model).toBe(model);
    expect(trainers.at(-1)?.options.priorSteps).toBe(4690);
  });

  it('says plainly when the files cannot be loaded, and changes nothing', async () => {
    const { handle, posted, trainers, types } = setup(async () => {
      throw new Error('model.json answered 404');
    });
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('reconstructions'));
    const before = trainers.length;
    handle({ type: 'loadPretrained', runId: 5, baseUrl: 'http://x/pretrained/' });
    await vi.waitFor(() => expect(types()).toContain('pretrainedError'));
    expect(posted.at(-1)).toMatchObject({ runId: 5, message: expect.stringMatching(/404/) });
    expect(trainers.length).toBe(before);
  });

  it('refuses Train more for another shape, and passes the speed to every trainer', async () => {
    const { handle, posted, trainers, types } = setup(async () => {
      throw new Error('unused');
    });
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('reconstructions'));
    handle({ type: 'setSpeed', stepsPerSecond: 2 });
    await vi.waitFor(() => expect(trainers[0].setSpeed).toHaveBeenCalledWith(2));
    handle({
      type: 'start',
      runId: 1,
      config: { ...DEFAULT_CONFIG, latentDim: 2 },
      paused: false,
      continueTraining: true,
    });
    await vi.waitFor(() => expect(types()).toContain('runState'));
    expect(posted.at(-2)).toMatchObject({
      type: 'workerError',
      message: expect.stringMatching(/another shape/),
    });
    expect(posted.at(-1)).toEqual({ type: 'runState', runId: 1, state: 'stopped' });
    handle({ type: 'start', runId: 2, config: DEFAULT_CONFIG, paused: false });
    await vi.waitFor(() => expect(trainers.at(-1)?.start).toHaveBeenCalled());
    expect(trainers.at(-1)?.options.stepsPerSecond).toBe(2);
  });
});
