import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import { buildAutoencoder, type FreshShape } from '../../../../src/worker/models/model';
import { createSpareModel } from '../../../../src/worker/models/spareModel';
import { useWasmBackend } from '../../support/tfNode';

beforeAll(async () => {
  await useWasmBackend();
});

const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => w.dataSync());

describe('a fresh network built ahead of need', () => {
  it('has exactly the weights of one built at the moment it is used', () => {
    const spare = createSpareModel(buildAutoencoder);
    spare.prepare(DEFAULT_CONFIG);
    // Other random numbers drawn in between (shuffles, dropout elsewhere) change nothing.
    tf.randomUniform([1000]).dispose();
    const early = spare.take(DEFAULT_CONFIG);
    if (!early) throw new Error('nothing was kept');
    const now = buildAutoencoder(DEFAULT_CONFIG);
    const [a, b] = [weightsOf(early), weightsOf(now)];
    expect(a).toHaveLength(8);
    a.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(b[i])));
    early.dispose();
    now.dispose();
  });

  it('leaks no tensors: what is not taken is disposed when it goes', () => {
    const before = tf.memory().numTensors;
    const spare = createSpareModel(buildAutoencoder);
    spare.prepare(DEFAULT_CONFIG);
    expect(tf.memory().numTensors).toBe(before + 8); // four kernels, four biases
    spare.prepare(DEFAULT_CONFIG); // one for these settings is kept already
    expect(tf.memory().numTensors).toBe(before + 8);
    expect(spare.take({ ...DEFAULT_CONFIG, seed: 1 })).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('createSpareModel', () => {
  const shape: FreshShape = { hiddenUnits: 128, latentDim: 32, latentActivation: 'relu', seed: 42 };
  const builder = () => {
    const built: { dispose: ReturnType<typeof vi.fn> }[] = [];
    const build = vi.fn(() => {
      const network = { dispose: vi.fn() };
      built.push(network);
      return network as unknown as tf.LayersModel;
    });
    return { built, build };
  };

  it('gives what it built once, and only for the same shape, seed and code activation', () => {
    const { built, build } = builder();
    const spare = createSpareModel(build);
    spare.prepare(shape);
    spare.prepare({ ...shape }); // one for these settings is kept already
    expect(build).toHaveBeenCalledTimes(1);
    expect(spare.take({ ...shape })).toBe(built[0]);
    expect(spare.take(shape)).toBeUndefined();

    for (const other of [
      { latentDim: 2 },
      { hiddenUnits: 64 },
      { latentActivation: 'linear' as const },
      { seed: 43 },
    ]) {
      spare.prepare(shape);
      expect(spare.take({ ...shape, ...other })).toBeUndefined();
      expect(built.at(-1)?.dispose).toHaveBeenCalled();
    }
  });

  it('disposes what it replaces or drops, and never what it hands out', () => {
    const { built, build } = builder();
    const spare = createSpareModel(build);
    spare.prepare(shape);
    spare.prepare({ ...shape, seed: 7 });
    expect(built[0].dispose).toHaveBeenCalled();
    spare.drop();
    expect(built[1].dispose).toHaveBeenCalled();
    expect(spare.take({ ...shape, seed: 7 })).toBeUndefined();

    spare.prepare(shape);
    const taken = spare.take(shape);
    spare.drop();
    expect(taken).toBe(built[2]);
    expect(built[2].dispose).not.toHaveBeenCalled();
  });

  it('survives a build that fails, and builds nothing without a builder', () => {
    const failing = createSpareModel(() => {
      throw new Error('out of memory');
    });
    expect(() => failing.prepare(shape)).not.toThrow();
    expect(failing.take(shape)).toBeUndefined();
    const none = createSpareModel();
    none.prepare(shape);
    expect(none.take(shape)).toBeUndefined();
  });
});
