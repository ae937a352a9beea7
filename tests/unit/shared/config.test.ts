import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  configFromSearch,
  settingApplies,
  stepsPerEpoch,
} from '../../../src/shared/config';

describe('configFromSearch', () => {
  it('gives the notebook defaults for an empty query', () => {
    const { config, problems } = configFromSearch('');
    expect(problems).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config).toMatchObject({ epochs: 10, batchSize: 128, latentDim: 32, hiddenUnits: 128 });
    expect(config).toMatchObject({ learningRate: 0.001, trainSize: 60_000, backend: 'auto' });
  });

  it('reads every parameter', () => {
    const { config, problems } = configFromSearch(
      '?epochs=2&batchSize=64&latentDim=8&hiddenUnits=256&learningRate=0.01&trainSize=5000&seed=7&backend=wasm&loss=mse&latentActivation=linear&threads=1&model=vae&noise=0.3&noiseKind=gaussian&beta=2',
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      model: 'vae',
      noise: 0.3,
      noiseKind: 'gaussian',
      beta: 2,
      epochs: 2,
      batchSize: 64,
      latentDim: 8,
      hiddenUnits: 256,
      learningRate: 0.01,
      trainSize: 5000,
      seed: 7,
      loss: 'mse',
      latentActivation: 'linear',
      backend: 'wasm',
      threads: '1',
    });
  });

  it('refuses a thread count it cannot use, saying which ones it can, and keeps every core', () => {
    for (const given of ['0', '9', 'all', '1.5']) {
      const { config, problems } = configFromSearch(`?threads=${given}`);
      expect(config.threads).toBe('auto');
      expect(problems).toEqual([
        {
          param: 'threads',
          given,
          message: `threads=${given} is not allowed: threads must be one of auto, 1, 2, 3, 4, 5, 6, 7, 8. Using the default, auto.`,
        },
      ]);
    }
  });

  it.each([
    ['epochs=-3', 'epochs', '1 to 100'],
    ['batchSize=abc', 'batchSize', '1 to 60,000'],
    ['latentDim=1e9', 'latentDim', '1 to 256'],
    ['latentDim=2.5', 'latentDim', 'whole number'],
    ['learningRate=0', 'learningRate', '0.00001 to 10'],
    ['trainSize=', 'trainSize', '100 to 60,000'],
    ['backend=tpu', 'backend', 'webgl'],
    ['loss=l1', 'loss', 'bce, mse'],
    ['latentActivation=tanh', 'latentActivation', 'relu, linear, sigmoid'],
  ])('refuses %s, names it with its range, and keeps the default', (query, param, range) => {
    const { config, problems } = configFromSearch(`?${query}`);
    expect(problems).toHaveLength(1);
    expect(problems[0].param).toBe(param);
    expect(problems[0].message).toContain(query);
    expect(problems[0].message).toContain(range);
    expect(config[param as keyof typeof config]).toBe(DEFAULT_CONFIG[param as keyof typeof config]);
  });

  it('caps a batch larger than the training set', () => {
    const { config, problems } = configFromSearch('?trainSize=100&batchSize=500');
    expect(config.batchSize).toBe(100);
    expect(problems[0].param).toBe('batchSize');
  });
});

describe('stepsPerEpoch', () => {
  it('counts the last partial batch, as Keras does', () => {
    expect(stepsPerEpoch({ trainSize: 60_000, batchSize: 128 })).toBe(469);
    expect(stepsPerEpoch({ trainSize: 2000, batchSize: 128 })).toBe(16);
    expect(stepsPerEpoch({ trainSize: 256, batchSize: 128 })).toBe(2);
  });
});

describe('the kind of model in the link (issue 25)', () => {
  it('names a bad model, noise or beta and keeps the defaults', () => {
    const { config, problems } = configFromSearch('?model=gan&noise=2&beta=-1&noiseKind=salt');
    expect(config).toMatchObject({ model: 'ae', noise: 0.5, beta: 1, noiseKind: 'mask' });
    expect(problems.map((p) => p.message)).toEqual([
      'noise=2 is not allowed: noise must be a number from 0.05 to 0.95. Using the default, 0.5.',
      'beta=-1 is not allowed: beta must be a number from 0 to 20. Using the default, 1.',
      'model=gan is not allowed: model must be one of ae, denoising, vae. Using the default, ae.',
      'noiseKind=salt is not allowed: noiseKind must be one of mask, gaussian. Using the default, mask.',
    ]);
  });

  it('knows which settings each kind reads', () => {
    expect(settingApplies('noise', 'denoising')).toBe(true);
    expect(settingApplies('noise', 'vae')).toBe(false);
    expect(settingApplies('beta', 'vae')).toBe(true);
    expect(settingApplies('beta', 'ae')).toBe(false);
    expect(settingApplies('latentActivation', 'vae')).toBe(false);
    expect(settingApplies('epochs', 'vae')).toBe(true);
  });
});
