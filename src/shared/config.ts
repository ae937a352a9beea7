/**
 * The hyperparameters of a run, their defaults (equal to the seed notebook) and their
 * validation. No DOM, no tfjs: the page and the worker both import this file.
 */

export const IMAGE_SIDE = 28;
export const IMAGE_SIZE = IMAGE_SIDE * IMAGE_SIDE;
export const TRAIN_IMAGES = 60_000;
export const TEST_IMAGES = 10_000;

export const BACKEND_CHOICES = ['auto', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;

/**
 * How many threads train on WebAssembly (issue 24): 'auto' uses every core (up to 8) when the
 * page is cross-origin isolated; a number caps it, and 1 trains exactly as without threads.
 */
export const THREAD_CHOICES = ['auto', '1', '2', '3', '4', '5', '6', '7', '8'] as const;
export type ThreadChoice = (typeof THREAD_CHOICES)[number];

/** What the network is scored on: binary cross-entropy (the notebook) or mean squared error. */
export const LOSS_CHOICES = ['bce', 'mse'] as const;
export type LossKind = (typeof LOSS_CHOICES)[number];

/** The bottleneck layer's activation; the notebook uses relu. */
export const LATENT_ACTIVATION_CHOICES = ['relu', 'linear', 'sigmoid'] as const;
export type LatentActivation = (typeof LATENT_ACTIVATION_CHOICES)[number];

/**
 * Which autoencoder trains (issue 25): the notebook's standard one, a denoising one (it is given
 * corrupted digits and scored on the clean ones) or a variational one (its codes are sampled).
 */
export const MODEL_CHOICES = ['ae', 'denoising', 'vae'] as const;
export type ModelKind = (typeof MODEL_CHOICES)[number];

/** How a denoising run corrupts its inputs: pixels dropped, or Gaussian noise clipped to [0, 1]. */
export const NOISE_KIND_CHOICES = ['mask', 'gaussian'] as const;
export type NoiseKind = (typeof NOISE_KIND_CHOICES)[number];

export interface TrainingConfig {
  model: ModelKind;
  epochs: number;
  batchSize: number;
  latentDim: number;
  hiddenUnits: number;
  learningRate: number;
  /** Train on the first N training images (quick demos and tests). */
  trainSize: number;
  seed: number;
  loss: LossKind;
  latentActivation: LatentActivation;
  backend: BackendChoice;
  threads: ThreadChoice;
  /** Denoising only: the share of pixels dropped (mask) or the noise's standard deviation. */
  noise: number;
  noiseKind: NoiseKind;
  /** VAE only: the weight of the KL term against the reconstruction term. */
  beta: number;
}

/** The notebook's setup: 784-128-32-128-784, Adam 1e-3, batch 128, 10 epochs, all 60,000 images. */
export const DEFAULT_CONFIG: Readonly<TrainingConfig> = Object.freeze({
  model: 'ae',
  epochs: 10,
  batchSize: 128,
  latentDim: 32,
  hiddenUnits: 128,
  learningRate: 0.001,
  trainSize: TRAIN_IMAGES,
  seed: 42,
  loss: 'bce',
  latentActivation: 'relu',
  backend: 'auto',
  threads: 'auto',
  noise: 0.5,
  noiseKind: 'mask',
  beta: 1,
});

type ChoiceKey = 'model' | 'backend' | 'loss' | 'latentActivation' | 'threads' | 'noiseKind';
export type NumericKey = Exclude<keyof TrainingConfig, ChoiceKey>;

/** The allowed words of each choice parameter. */
export const CHOICE_RULES: Readonly<Record<ChoiceKey, readonly string[]>> = {
  model: MODEL_CHOICES,
  backend: BACKEND_CHOICES,
  loss: LOSS_CHOICES,
  latentActivation: LATENT_ACTIVATION_CHOICES,
  threads: THREAD_CHOICES,
  noiseKind: NOISE_KIND_CHOICES,
};

export interface NumericRule {
  min: number;
  max: number;
  integer: boolean;
}

export const NUMERIC_RULES: Readonly<Record<NumericKey, NumericRule>> = {
  epochs: { min: 1, max: 100, integer: true },
  batchSize: { min: 1, max: TRAIN_IMAGES, integer: true },
  latentDim: { min: 1, max: 256, integer: true },
  hiddenUnits: { min: 8, max: 1024, integer: true },
  // Up to 10 so a class can see a too-high rate fail (issue 9: the run stops and says why).
  learningRate: { min: 1e-5, max: 10, integer: false },
  trainSize: { min: 100, max: TRAIN_IMAGES, integer: true },
  seed: { min: 1, max: 2 ** 31 - 1, integer: true },
  // Up to 0.95: with every pixel gone there is nothing left to rebuild from.
  noise: { min: 0.05, max: 0.95, integer: false },
  // 0 is allowed: a VAE with no KL term, so a class can see its codes stop filling the space.
  beta: { min: 0, max: 20, integer: false },
};

/** One URL parameter we could not use, and what we did instead. */
export interface ConfigProblem {
  param: keyof TrainingConfig;
  given: string;
  message: string;
}

// Made once: number.toLocaleString(locale) builds a new formatter on every call, and the
// settings panel formats limits and defaults on each render (seen in start-up profiles).
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** A whole count with thousands separators, as toLocaleString('en-US') writes it: 60,000. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

function formatLimit(value: number, integer: boolean): string {
  // The formatter rounds 0.00001 to "0", so fractional limits are written out plainly.
  return integer ? formatCount(value) : String(value);
}

export function describeRule(rule: NumericRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  return `${kind} from ${formatLimit(rule.min, rule.integer)} to ${formatLimit(rule.max, rule.integer)}`;
}

/**
 * Plain decimal numbers only ("12", "0.001", "1e-3"): Number() would also take "0x10", " 12 ",
 * "0b11" and 200-digit strings, none of which a person means as a setting.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const MAX_NUMBER_LENGTH = 24;

/** A value as it may be quoted back in a notice: short, so a pasted essay is not repeated. */
export function quoteGiven(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}… (${text.length} characters)` : text;
}

export function parseNumber(text: string, rule: NumericRule): number | null {
  if (text.length > MAX_NUMBER_LENGTH || !DECIMAL.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  if (rule.integer && !Number.isInteger(value)) return null;
  if (value < rule.min || value > rule.max) return null;
  return value;
}

/**
 * Reads the hyperparameters from a URL query string. Every value that is missing keeps its
 * default; every value that is present but unusable keeps its default too and is reported.
 */
export function configFromSearch(search: string): {
  config: TrainingConfig;
  problems: ConfigProblem[];
} {
  const params = new URLSearchParams(search);
  const config: TrainingConfig = { ...DEFAULT_CONFIG };
  const problems: ConfigProblem[] = [];

  for (const key of Object.keys(NUMERIC_RULES) as NumericKey[]) {
    const given = params.get(key);
    if (given === null) continue;
    const rule = NUMERIC_RULES[key];
    const value = parseNumber(given, rule);
    if (value === null) {
      problems.push({
        param: key,
        given,
        message: `${key}=${quoteGiven(given)} is not allowed: ${key} must be ${describeRule(rule)}. Using the default, ${DEFAULT_CONFIG[key]}.`,
      });
    } else {
      config[key] = value;
    }
  }

  for (const key of Object.keys(CHOICE_RULES) as ChoiceKey[]) {
    const given = params.get(key);
    if (given === null) continue;
    const allowed = CHOICE_RULES[key];
    if (allowed.includes(given)) {
      // The includes check above is what makes this cast true.
      (config as Record<ChoiceKey, string>)[key] = given;
    } else {
      problems.push({
        param: key,
        given,
        message: `${key}=${quoteGiven(given)} is not allowed: ${key} must be one of ${allowed.join(', ')}. Using the default, ${DEFAULT_CONFIG[key]}.`,
      });
    }
  }

  if (config.batchSize > config.trainSize) {
    problems.push({
      param: 'batchSize',
      given: String(config.batchSize),
      message: `batchSize=${config.batchSize} is larger than trainSize=${config.trainSize}: a batch cannot hold more images than there are. Using ${config.trainSize}.`,
    });
    config.batchSize = config.trainSize;
  }

  return { config, problems };
}

/**
 * The bottleneck's activation as trained: a VAE's code is the mean head, which is linear
 * whatever latentActivation says (a relu mean could never be negative, as N(0, I) asks).
 */
export function effectiveLatentActivation(
  config: Pick<TrainingConfig, 'model' | 'latentActivation'>,
): LatentActivation {
  return config.model === 'vae' ? 'linear' : config.latentActivation;
}

/** Settings that only some kinds of model read; every other setting applies to all kinds. */
const KIND_SETTINGS: Partial<Record<keyof TrainingConfig, readonly ModelKind[]>> = {
  noise: ['denoising'],
  noiseKind: ['denoising'],
  beta: ['vae'],
  latentActivation: ['ae', 'denoising'],
  // A VAE's reconstruction term is always the summed cross-entropy.
  loss: ['ae', 'denoising'],
};

/** Whether `key` changes a run of `model` (the noise means nothing to a VAE, and so on). */
export function settingApplies(key: keyof TrainingConfig, model: ModelKind): boolean {
  return KIND_SETTINGS[key]?.includes(model) ?? true;
}

/** Steps (batches) in one epoch: the last batch may be smaller, as in Keras. */
export function stepsPerEpoch(config: Pick<TrainingConfig, 'trainSize' | 'batchSize'>): number {
  return Math.ceil(config.trainSize / config.batchSize);
}
