/**
 * What a saved model is (in the browser's storage or as exported files) and how a model.json is
 * checked before anything is loaded. No DOM, no tfjs: the page reads a chosen file with this to
 * ask its questions, and the worker checks the same file again before it touches the model.
 */
import {
  CHOICE_RULES,
  DEFAULT_CONFIG,
  IMAGE_SIZE,
  NUMERIC_RULES,
  type ModelKind,
  type TrainingConfig,
} from './config';
import type { LossPoint } from './progress';

/** Bump when the stored shape changes; older readers then refuse newer files in plain words. */
export const MODEL_SCHEMA_VERSION = 1;
export const MODEL_APP = 'latent-lab';
const MAX_NAME = 80;
const MAX_POINTS = 1_000_000;

export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  valLoss: number;
}

export interface ModelHistory {
  losses: LossPoint[];
  epochSummaries: EpochRecord[];
}

export interface SavedModelMeta {
  schemaVersion: number;
  app: typeof MODEL_APP;
  name: string;
  /** ISO 8601. */
  savedAt: string;
  config: TrainingConfig;
  /** Global training steps behind these weights. */
  step: number;
  valLoss: number | null;
  /** SHA-256 (hex) and size of the weights file, to catch damage. */
  weightsSha256: string;
  weightsBytes: number;
}

/** A model in the browser's list. */
export interface SavedModelInfo extends SavedModelMeta {
  id: string;
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

export interface ParsedModelFile {
  meta: SavedModelMeta;
  history: ModelHistory;
  specs: WeightSpec[];
}

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

type Shape = Pick<TrainingConfig, 'hiddenUnits' | 'latentDim'> &
  Partial<Pick<TrainingConfig, 'model'>>;

/** The weights the autoencoder holds, in order; names as tfjs saves them. */
export function expectedWeightSpecs(config: Shape): WeightSpec[] {
  // A VAE's second head (the log-variance) comes last: tfjs saves the layers of the mean path
  // first, then the head that branches off it.
  const logVar: [string, number, number][] =
    config.model === 'vae' ? [['latent_log_var', config.hiddenUnits, config.latentDim]] : [];
  const layers: [string, number, number][] = [
    ['encoder_hidden', IMAGE_SIZE, config.hiddenUnits],
    ['latent', config.hiddenUnits, config.latentDim],
    ['decoder_hidden', config.latentDim, config.hiddenUnits],
    ['reconstruction', config.hiddenUnits, IMAGE_SIZE],
    ...logVar,
  ];
  return layers.flatMap(([name, inputs, units]) => [
    { name: `${name}/kernel`, shape: [inputs, units], dtype: 'float32' as const },
    { name: `${name}/bias`, shape: [units], dtype: 'float32' as const },
  ]);
}

export function weightBytes(specs: WeightSpec[]): number {
  return specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1) * 4, 0);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fail = (message: string): never => {
  throw new ModelFileError(message);
};

/** Checks every field of a saved config against the same rules as the URL; returns a copy. */
export function checkConfig(value: unknown): TrainingConfig {
  if (!isRecord(value)) return fail('Its settings are missing.');
  const config: Partial<TrainingConfig> = {};
  for (const key of Object.keys(NUMERIC_RULES) as (keyof typeof NUMERIC_RULES)[]) {
    const rule = NUMERIC_RULES[key];
    // A field added after the file was saved (noise, beta) takes its default.
    const v = value[key] ?? DEFAULT_CONFIG[key];
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (!rule.integer || Number.isInteger(v)) &&
      v >= rule.min &&
      v <= rule.max;
    if (!ok) fail(`Its setting ${key} is not a number from ${rule.min} to ${rule.max}.`);
    config[key] = v as number;
  }
  const choices: Record<string, string> = {};
  for (const [key, allowed] of Object.entries(CHOICE_RULES)) {
    // A field added after the file was saved takes its default; a field present must be known.
    const v = value[key] ?? DEFAULT_CONFIG[key as keyof typeof CHOICE_RULES];
    if (typeof v !== 'string' || !allowed.includes(v))
      fail(`Its setting ${key} is not one we know.`);
    choices[key] = v as string;
  }
  // Every key was checked against its rule above, which is what makes this cast true.
  return { ...config, ...choices } as TrainingConfig;
}

function checkHistory(value: unknown): ModelHistory {
  if (!isRecord(value)) return { losses: [], epochSummaries: [] };
  const { losses, epochSummaries } = value;
  if (!Array.isArray(losses) || !Array.isArray(epochSummaries) || losses.length > MAX_POINTS) {
    return fail('Its loss history is damaged.');
  }
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  for (const p of losses) {
    if (!isRecord(p) || !finite(p.step) || !finite(p.epoch) || !finite(p.loss))
      fail('Its loss history is damaged.');
  }
  for (const e of epochSummaries) {
    if (!isRecord(e) || !finite(e.epoch) || !finite(e.trainLoss) || !finite(e.valLoss))
      fail('Its loss history is damaged.');
  }
  return { losses: losses as LossPoint[], epochSummaries: epochSummaries as EpochRecord[] };
}

function checkMeta(value: unknown): SavedModelMeta {
  if (!isRecord(value) || value.app !== MODEL_APP) {
    return fail(
      'This is a TensorFlow.js model, but not one saved by Latent Lab, so we cannot tell how it was trained.',
    );
  }
  if (typeof value.schemaVersion !== 'number' || value.schemaVersion > MODEL_SCHEMA_VERSION) {
    fail('This model was saved by a newer version of Latent Lab. Reload the page to update it.');
  }
  const { name, savedAt, step, valLoss, weightsSha256, weightsBytes } = value;
  if (typeof name !== 'string' || name.length > MAX_NAME) fail('Its name is missing or too long.');
  if (typeof savedAt !== 'string' || savedAt.length > 40 || Number.isNaN(Date.parse(savedAt)))
    fail('Its date is not a date.');
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0)
    fail('Its step count is not a whole number.');
  if (valLoss !== null && (typeof valLoss !== 'number' || !Number.isFinite(valLoss)))
    fail('Its validation loss is not a number.');
  if (typeof weightsSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(weightsSha256))
    fail('Its weights checksum is missing.');
  if (typeof weightsBytes !== 'number' || !Number.isInteger(weightsBytes))
    fail('Its weights size is missing.');
  return {
    schemaVersion: value.schemaVersion as number,
    app: MODEL_APP,
    name: name as string,
    savedAt: savedAt as string,
    config: checkConfig(value.config),
    step: step as number,
    valLoss: valLoss as number | null,
    weightsSha256: weightsSha256 as string,
    weightsBytes: weightsBytes as number,
  };
}

/** Reads a model.json (tfjs Layers format with our details) or throws a ModelFileError. */
export function parseModelJson(text: string): ParsedModelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('This file is not a model file: it is not valid JSON (is it cut short?).');
  }
  if (!isRecord(json) || !isRecord(json.modelTopology) || !Array.isArray(json.weightsManifest)) {
    return fail('This JSON file is not a TensorFlow.js model (it has no layers or weights list).');
  }
  const extra = isRecord(json.userDefinedMetadata) ? json.userDefinedMetadata.latentLab : null;
  const meta = checkMeta(extra);
  const history = checkHistory(isRecord(extra) ? extra.history : null);
  const specs = json.weightsManifest.flatMap((group: unknown) =>
    isRecord(group) && Array.isArray(group.weights) ? (group.weights as unknown[]) : [],
  );
  const expected = expectedWeightSpecs(meta.config);
  const same =
    specs.length === expected.length &&
    expected.every((want, i) => {
      const got = specs[i];
      return (
        isRecord(got) &&
        got.name === want.name &&
        got.dtype === 'float32' &&
        Array.isArray(got.shape) &&
        got.shape.join(',') === want.shape.join(',')
      );
    });
  if (!same) {
    fail(
      `Its layers do not match the autoencoder its settings describe (784-${meta.config.hiddenUnits}-${meta.config.latentDim}-${meta.config.hiddenUnits}-784).`,
    );
  }
  if (meta.weightsBytes !== weightBytes(expected))
    fail('Its weights size does not match its layers.');
  return { meta, history, specs: expected };
}

const KIND_NAMES: Record<ModelKind, string> = {
  ae: 'a standard autoencoder',
  denoising: 'a denoising autoencoder',
  vae: 'a variational autoencoder',
};

/** How two configs differ in shape, in words for a question; null when the same shape. */
export function shapeDifference(model: Shape, page: Shape): string | null {
  const parts: string[] = [];
  const modelKind = model.model ?? 'ae';
  const pageKind = page.model ?? 'ae';
  const kind =
    modelKind === pageKind
      ? ''
      : `This model is ${KIND_NAMES[modelKind]} (the page is set to ${KIND_NAMES[pageKind]}).`;
  if (model.latentDim !== page.latentDim)
    parts.push(`latent size ${model.latentDim} (the page is set to ${page.latentDim})`);
  if (model.hiddenUnits !== page.hiddenUnits)
    parts.push(`hidden layers of ${model.hiddenUnits} (the page is set to ${page.hiddenUnits})`);
  const shape = parts.length ? `This model has ${parts.join(' and ')}.` : '';
  return kind || shape ? [kind, shape].filter(Boolean).join(' ') : null;
}
