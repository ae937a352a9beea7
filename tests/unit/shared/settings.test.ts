import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  NUMERIC_RULES,
  configFromSearch,
  type TrainingConfig,
} from '../../../src/shared/config';
import {
  PRESETS,
  SETTING_KEYS,
  draftFromConfig,
  isChoiceSetting,
  presetConfig,
  searchFromConfig,
  validateDraft,
  type SettingKey,
} from '../../../src/shared/settings';

const draft = (changes: Partial<Record<SettingKey, string>>) => ({
  ...draftFromConfig(DEFAULT_CONFIG),
  ...changes,
});

const LR_MAX = NUMERIC_RULES.learningRate.max;

/** [field, accepted values at and inside the edges, refused values just outside and odd]. */
const EDGES: [SettingKey, string[], string[]][] = [
  ['latentDim', ['1', '256', '32'], ['0', '257', '2.5', '-1', 'abc', '']],
  ['hiddenUnits', ['8', '1024'], ['7', '1025', '64.5']],
  ['epochs', ['1', '100'], ['0', '101', '1.5']],
  ['batchSize', ['1', '60000'], ['0', '60001', '12.5']],
  // The top learning rate is read from the rules: issue 9 raised it to 10 so a class can watch
  // a too-high rate fail.
  [
    'learningRate',
    ['0.00001', '1e-5', '0.5', String(LR_MAX)],
    ['0.000009', String(LR_MAX * 1.01), '0', 'Infinity', 'NaN'],
  ],
  ['trainSize', ['60000', '128'], ['99', '60001', '1000.5']],
  ['seed', ['1', '2147483647'], ['0', '2147483648', '3.3']],
  ['loss', ['bce', 'mse'], ['BCE', 'l1', '']],
  ['latentActivation', ['relu', 'linear', 'sigmoid'], ['tanh', 'Relu', '']],
  ['threads', ['auto', '1', '2', '8'], ['0', '9', 'all', '']],
  ['model', ['ae', 'denoising', 'vae'], ['VAE', 'gan', '']],
  ['noise', ['0.05', '0.5', '0.95'], ['0', '0.04', '1', 'half']],
  ['noiseKind', ['mask', 'gaussian'], ['salt', '']],
  ['beta', ['0', '1', '4.5', '20'], ['-1', '21', 'big']],
];

describe('validateDraft (the settings panel)', () => {
  it('accepts the defaults and gives back the notebook config', () => {
    const { config, errors } = validateDraft(draftFromConfig(DEFAULT_CONFIG), DEFAULT_CONFIG);
    expect(errors).toEqual({});
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it('covers every field the panel edits', () => {
    expect(EDGES.map(([key]) => key).sort()).toEqual([...SETTING_KEYS].sort());
  });

  describe.each(EDGES)('%s', (key, good, bad) => {
    it.each(good)('accepts %s', (value) => {
      const { config, errors } = validateDraft(draft({ [key]: value }), DEFAULT_CONFIG);
      expect(errors).toEqual({});
      const parsed = isChoiceSetting(key) ? value : Number(value);
      expect(config?.[key]).toBe(parsed);
    });
    it.each(bad)('refuses "%s" with the allowed range and no config', (value) => {
      const { config, errors } = validateDraft(draft({ [key]: value }), DEFAULT_CONFIG);
      expect(config).toBeNull();
      expect(Object.keys(errors)).toEqual([key]);
      expect(errors[key]).toMatch(/must be a (whole )?number from|Pick one of/);
    });
  });

  it('names the limits in plain numbers', () => {
    const { errors } = validateDraft(draft({ learningRate: '0', batchSize: '0' }), DEFAULT_CONFIG);
    expect(errors.learningRate).toContain(`a number from 0.00001 to ${LR_MAX} (default 0.001)`);
    expect(errors.batchSize).toContain('a whole number from 1 to 60,000 (default 128)');
  });

  it('refuses a batch larger than the training set, with both numbers', () => {
    const { config, errors } = validateDraft(
      draft({ trainSize: '1000', batchSize: '5000' }),
      DEFAULT_CONFIG,
    );
    expect(config).toBeNull();
    expect(errors.batchSize).toBe(
      'A batch of 5,000 images is more than the 1,000 training images: make it at most 1,000.',
    );
    expect(
      validateDraft(draft({ trainSize: '1000', batchSize: '1000' }), DEFAULT_CONFIG).config,
    ).not.toBeNull();
  });

  it('keeps what the panel does not edit (the backend) from the base config', () => {
    const base: TrainingConfig = { ...DEFAULT_CONFIG, backend: 'cpu' };
    expect(validateDraft(draft({ latentDim: '2' }), base).config).toEqual({
      ...base,
      latentDim: 2,
    });
  });
});

describe('presets', () => {
  it('are the five promised, on top of the notebook defaults', () => {
    expect(PRESETS.map((p) => p.name)).toEqual([
      'Notebook (default)',
      'Quick demo (1 epoch, 10,000 images)',
      'Tiny code (latent 2)',
      'Denoising (half the pixels dropped)',
      'Variational (2-number code)',
    ]);
    expect(presetConfig(PRESETS[4], DEFAULT_CONFIG)).toMatchObject({ model: 'vae', latentDim: 2 });
    const changed = { ...DEFAULT_CONFIG, latentDim: 7, seed: 3, backend: 'wasm' as const };
    expect(presetConfig(PRESETS[0], changed)).toEqual({ ...DEFAULT_CONFIG, backend: 'wasm' });
    expect(presetConfig(PRESETS[1], changed)).toMatchObject({
      epochs: 1,
      trainSize: 10_000,
      latentDim: 32,
    });
    expect(presetConfig(PRESETS[2], changed)).toMatchObject({ latentDim: 2, epochs: 10 });
    for (const preset of PRESETS) {
      const config = presetConfig(preset, DEFAULT_CONFIG);
      expect(validateDraft(draftFromConfig(config), DEFAULT_CONFIG).config).toEqual(config);
    }
  });

  it('leave the thread count alone: it changes the speed, not the network', () => {
    const oneThread = { ...DEFAULT_CONFIG, threads: '1' as const };
    for (const preset of PRESETS) expect(presetConfig(preset, oneThread).threads).toBe('1');
  });
});

describe('searchFromConfig', () => {
  it('writes only what differs, and the URL reads it back', () => {
    expect(searchFromConfig(DEFAULT_CONFIG)).toBe('');
    const config: TrainingConfig = {
      ...DEFAULT_CONFIG,
      latentDim: 2,
      learningRate: 0.01,
      loss: 'mse',
      latentActivation: 'sigmoid',
    };
    const search = searchFromConfig(config);
    expect(search).toBe('?latentDim=2&learningRate=0.01&loss=mse&latentActivation=sigmoid');
    expect(configFromSearch(search)).toEqual({ config, problems: [] });
  });
});
