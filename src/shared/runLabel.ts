/**
 * A run's name on the loss chart and in the runs table: what differs from the notebook, in a
 * few words ("latent 2", "lr 0.01"), so two lines can be told apart at a glance.
 */
import { DEFAULT_CONFIG, settingApplies, type TrainingConfig } from './config';

// Where the maths runs changes the speed, not the run: two runs that differ only there are alike.
type Labelled = Exclude<keyof TrainingConfig, 'backend' | 'threads'>;

const SHORT: Readonly<Record<Labelled, (value: TrainingConfig[Labelled]) => string>> = {
  model: (v) => (v === 'vae' ? 'VAE' : v === 'denoising' ? 'denoising' : 'standard'),
  noise: (v) => `noise ${v}`,
  noiseKind: (v) => (v === 'gaussian' ? 'Gaussian noise' : 'dropped pixels'),
  beta: (v) => `beta ${v}`,
  latentDim: (v) => `latent ${v}`,
  hiddenUnits: (v) => `hidden ${v}`,
  epochs: (v) => `${v} ${v === 1 ? 'epoch' : 'epochs'}`,
  batchSize: (v) => `batch ${v}`,
  learningRate: (v) => `lr ${v}`,
  trainSize: (v) => `${Number(v).toLocaleString('en-US')} images`,
  loss: (v) => String(v).toUpperCase(),
  latentActivation: (v) => `${v} code`,
  seed: (v) => `seed ${v}`,
};

/** The model-changing fields first: they are what a comparison is usually about. */
const ORDER: readonly Labelled[] = [
  'model',
  'noise',
  'noiseKind',
  'beta',
  'latentDim',
  'hiddenUnits',
  'latentActivation',
  'loss',
  'learningRate',
  'batchSize',
  'epochs',
  'trainSize',
  'seed',
];

/** What differs from the defaults, e.g. "latent 2, lr 0.01"; "notebook defaults" if nothing. */
export function describeDifferences(config: TrainingConfig): string {
  const differs = (key: Labelled) =>
    config[key] !== DEFAULT_CONFIG[key] && settingApplies(key, config.model);
  const parts = ORDER.filter(differs).map((key) => SHORT[key](config[key]));
  return parts.length === 0 ? 'notebook defaults' : parts.join(', ');
}

/** Names the same label again as "latent 2 (2)", so every line of the chart is unique. */
export function uniqueLabel(label: string, taken: readonly string[]): string {
  if (!taken.includes(label)) return label;
  for (let n = 2; ; n++) {
    const candidate = `${label} (${n})`;
    if (!taken.includes(candidate)) return candidate;
  }
}
