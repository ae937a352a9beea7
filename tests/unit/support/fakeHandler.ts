/** A message handler on fake trainers and a fake loader, for the handler's unit tests. */
import { vi } from 'vitest';
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../../../src/shared/config';
import type { FromWorker } from '../../../src/shared/protocol';
import type { MnistData } from '../../../src/worker/data/dataset';
import {
  createMessageHandler,
  type HandlerDeps,
  type TrainerOptions,
} from '../../../src/worker/handler/handler';
import { singleChunk } from '../../../src/worker/data/pixelChunks';
import type { Trainer } from '../../../src/worker/training/trainer';

const credit = { name: 'MNIST', authors: 'a', license: 'l', licenseUrl: 'u', sourceUrl: 's' };

export function tinyData(): MnistData {
  const split = (count: number) => ({
    ...singleChunk(new Uint8Array(count * IMAGE_SIZE).fill(1)),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  });
  return {
    train: split(40),
    test: split(20),
    credit,
    totalBytes: 123,
    pixelDigests: [],
  };
}

function fakeTrainer(options: TrainerOptions) {
  const trainer = {
    summary: { layers: [], totalParams: 0, inputSize: 784, latentDim: options.config.latentDim },
    options,
    reconstructProbes: () => new Float32Array(options.probes.length),
    probeInputs: () => null,
    globalStep: 0,
    encodeTestSet: vi.fn(async () => {
      const latentDim = options.config.latentDim;
      options.events.latentCodes({
        step: 0,
        latentDim,
        codes: new Float32Array(options.test.count * latentDim),
        losses: new Float32Array(options.test.count),
      });
    }),
    reconstructImages: vi.fn(async (pixels: Uint8Array) => new Float32Array(pixels.length)),
    start: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    step: vi.fn(async () => undefined),
    stop: vi.fn(),
    dispose: vi.fn(),
  };
  return trainer;
}

/** Stands in for a tf.layers network: all the handler does with one is pass it on or dispose it. */
export function fakeNetwork(label: string) {
  return { label, dispose: vi.fn() };
}

/** A handler whose digits come from `load`; `extra` adds deps (a network builder, a GPU guard). */
export function setup(load: () => Promise<MnistData>, extra: Partial<HandlerDeps> = {}) {
  const posted: FromWorker[] = [];
  const trainers: ReturnType<typeof fakeTrainer>[] = [];
  const deps: HandlerDeps = {
    ...extra,
    createLoader: () => ({ load }),
    selectBackend: async () => ({ name: 'wasm', reason: 'no GPU here' }),
    createTrainer: (options) => {
      const trainer = fakeTrainer(options);
      trainers.push(trainer);
      return trainer as unknown as Trainer;
    },
  };
  const handle = createMessageHandler((message) => posted.push(message), deps);
  const types = () => posted.map((message) => message.type);
  return { handle, posted, trainers, types };
}

export const init = {
  type: 'init',
  dataBaseUrl: 'http://x/data/mnist/',
  config: { ...DEFAULT_CONFIG },
} as const;
