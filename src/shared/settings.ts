/**
 * The hyperparameter panel's rules: every field as the text the student typed, checked with the
 * same limits as the URL (config.ts), plus the presets. Kept apart from the page so the rules
 * can be tested without React, and so the URL and the panel can never disagree.
 */
import {
  CHOICE_RULES,
  DEFAULT_CONFIG,
  NUMERIC_RULES,
  describeRule,
  formatCount,
  parseNumber,
  type NumericKey,
  type TrainingConfig,
} from './config';

/** The fields the panel edits (the backend is chosen once, in the link). */
export const SETTING_KEYS = [
  'model',
  'noise',
  'noiseKind',
  'beta',
  'latentDim',
  'hiddenUnits',
  'epochs',
  'batchSize',
  'learningRate',
  'trainSize',
  'loss',
  'latentActivation',
  'seed',
  'threads',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** The fields picked from a list rather than typed. */
export const CHOICE_SETTING_KEYS = [
  'model',
  'noiseKind',
  'loss',
  'latentActivation',
  'threads',
] as const;
export type ChoiceSettingKey = (typeof CHOICE_SETTING_KEYS)[number];

export function isChoiceSetting(key: SettingKey): key is ChoiceSettingKey {
  return (CHOICE_SETTING_KEYS as readonly string[]).includes(key);
}

/** Fields about where the maths runs, not about the network: presets leave them as they are. */
const MACHINE_KEYS: readonly SettingKey[] = ['threads'];

/** What the student typed or picked, field by field. */
export type SettingsDraft = Record<SettingKey, string>;
export type SettingErrors = Partial<Record<SettingKey, string>>;

export interface SettingInfo {
  label: string;
  /** Shown after the input: what the number counts. */
  unit: string;
  /** One short sentence on what the value does. */
  hint: string;
}

export const SETTING_INFO: Readonly<Record<SettingKey, SettingInfo>> = {
  model: {
    label: 'Kind of model',
    unit: '',
    hint: "The notebook's autoencoder, one that learns to clean noisy digits, or a variational one that can invent digits.",
  },
  noise: {
    label: 'Noise',
    unit: '',
    hint: 'Denoising only: the share of pixels dropped, or how strong the Gaussian noise is.',
  },
  noiseKind: {
    label: 'Noise type',
    unit: '',
    hint: 'Denoising only: drop pixels to black, or add Gaussian noise (clipped to 0-1).',
  },
  beta: {
    label: 'Beta',
    unit: '',
    hint: 'VAE only: how hard the codes are pulled towards N(0, 1), against how well digits are rebuilt.',
  },
  latentDim: { label: 'Latent size', unit: 'numbers', hint: 'How many numbers the code has.' },
  hiddenUnits: { label: 'Hidden units', unit: 'neurons', hint: 'Width of each hidden layer.' },
  epochs: { label: 'Epochs', unit: 'passes', hint: 'Passes over the training images.' },
  batchSize: { label: 'Batch size', unit: 'images', hint: 'Images per learning step.' },
  learningRate: { label: 'Learning rate', unit: '', hint: 'Size of each step Adam takes.' },
  trainSize: { label: 'Training images', unit: 'images', hint: 'Train on the first N images.' },
  loss: {
    label: 'Loss',
    unit: '',
    hint: 'How a rebuild is scored: binary cross-entropy or mean squared error.',
  },
  latentActivation: {
    label: 'Code activation',
    unit: '',
    hint: 'relu turns negative code numbers into 0, linear keeps them, sigmoid squeezes them into 0-1.',
  },
  seed: { label: 'Seed', unit: '', hint: 'Fixes the starting weights and the shuffling.' },
  threads: {
    label: 'Threads',
    unit: '',
    hint: 'Processor cores that share each batch on WebAssembly. Same result, only the speed changes.',
  },
};

/** Words for the choice fields' options. */
export const CHOICE_LABELS: Readonly<Record<string, string>> = {
  ae: 'Standard (notebook)',
  denoising: 'Denoising',
  vae: 'Variational (VAE)',
  mask: 'Dropped pixels',
  gaussian: 'Gaussian noise',
  bce: 'Cross-entropy (notebook)',
  mse: 'Squared error',
  relu: 'relu (notebook)',
  linear: 'linear',
  sigmoid: 'sigmoid',
  auto: 'every core',
  '1': '1 (no sharing)',
};

export function draftFromConfig(config: TrainingConfig): SettingsDraft {
  const draft = {} as SettingsDraft;
  for (const key of SETTING_KEYS) draft[key] = String(config[key]);
  return draft;
}

function defaultText(key: SettingKey): string {
  const value = DEFAULT_CONFIG[key];
  return typeof value === 'number' ? formatCount(value) : value;
}

/**
 * Checks every field. Returns the config to use (based on `base` for what the panel does not
 * edit) when all fields are fine, else null, and a message for each field that is not.
 */
export function validateDraft(
  draft: SettingsDraft,
  base: TrainingConfig,
): { config: TrainingConfig | null; errors: SettingErrors } {
  const config: TrainingConfig = { ...base };
  const errors: SettingErrors = {};
  for (const key of SETTING_KEYS) {
    const text = draft[key].trim();
    if (isChoiceSetting(key)) {
      const allowed = CHOICE_RULES[key];
      if (allowed.includes(text)) (config as Record<typeof key, string>)[key] = text;
      else errors[key] = `Pick one of ${allowed.join(', ')}.`;
      continue;
    }
    const rule = NUMERIC_RULES[key as NumericKey];
    const value = parseNumber(text, rule);
    if (value === null) {
      const what = text === '' ? 'Empty.' : `"${text}" is not allowed.`;
      errors[key] =
        `${what} ${SETTING_INFO[key].label} must be ${describeRule(rule)} (default ${defaultText(key)}).`;
    } else {
      config[key as NumericKey] = value;
    }
  }
  if (!errors.batchSize && !errors.trainSize && config.batchSize > config.trainSize) {
    errors.batchSize = `A batch of ${formatCount(config.batchSize)} images is more than the ${formatCount(config.trainSize)} training images: make it at most ${formatCount(config.trainSize)}.`;
  }
  return { config: Object.keys(errors).length === 0 ? config : null, errors };
}

export interface Preset {
  name: string;
  /** What it is good for, in a few words. */
  purpose: string;
  values: Partial<TrainingConfig>;
}

/** Starting points for a lecture. Each is applied on top of the notebook's defaults. */
export const PRESETS: readonly Preset[] = [
  { name: 'Notebook (default)', purpose: 'the Keras notebook as it is', values: {} },
  {
    name: 'Quick demo (1 epoch, 10,000 images)',
    purpose: 'a whole run in well under a minute',
    values: { epochs: 1, trainSize: 10_000 },
  },
  {
    name: 'Tiny code (latent 2)',
    purpose: 'squeeze each digit into just 2 numbers',
    values: { latentDim: 2 },
  },
  {
    name: 'Denoising (half the pixels dropped)',
    purpose: 'rebuild clean digits from damaged ones',
    values: { model: 'denoising', noise: 0.5, noiseKind: 'mask' },
  },
  {
    name: 'Variational (2-number code)',
    purpose: 'a map of codes that decode to new digits',
    values: { model: 'vae', latentDim: 2 },
  },
];

export function presetConfig(preset: Preset, base: TrainingConfig): TrainingConfig {
  const config: TrainingConfig = { ...base };
  for (const key of SETTING_KEYS) {
    if (!MACHINE_KEYS.includes(key))
      (config as Record<SettingKey, unknown>)[key] = DEFAULT_CONFIG[key];
  }
  return { ...config, ...preset.values };
}

/** The query string that reproduces `config`: only what differs from the defaults. */
export function searchFromConfig(config: TrainingConfig): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof TrainingConfig)[]) {
    if (config[key] !== DEFAULT_CONFIG[key]) params.set(key, String(config[key]));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
