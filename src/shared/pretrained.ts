/**
 * The files of the pretrained model in public/pretrained/ (written by `npm run pretrain`, read by
 * the worker): their shapes, light checks, and the compact form of the timeline pictures. No DOM,
 * no tfjs: the Node script and the worker both import it.
 */
import { IMAGE_SIZE, type TrainingConfig } from './config';
import type { LossPoint } from './progress';

export const PRETRAINED_FORMAT = 1;
export const PRETRAINED_FILES = {
  model: 'model.json',
  weights: 'weights.bin',
  history: 'history.json',
  meta: 'meta.json',
} as const;

export interface EpochLosses {
  epoch: number;
  trainLoss: number;
  valLoss: number;
}

/** history.json: the batch losses (every `every`-th step) and every epoch's losses. */
export interface PretrainedHistory {
  format: number;
  stepsPerEpoch: number;
  totalSteps: number;
  /** Only every n-th batch loss is kept (the file stays small; the curve looks the same). */
  every: number;
  losses: LossPoint[];
  epochs: EpochLosses[];
}

/** One picture of the timeline: the probes rebuilt after `step` steps. */
export interface TimelineFrame {
  step: number;
  /** probes x 784 values in [0, 1]. */
  pixels: Float32Array;
}

/** A timeline picture in meta.json: pixel values rounded to bytes, base64. */
export interface StoredFrame {
  step: number;
  pixels: string;
}

/** meta.json: how the model was made, how good it is, and its training timeline. */
export interface PretrainedMeta {
  format: number;
  config: TrainingConfig;
  seed: number;
  tfjsVersion: string;
  backend: string;
  valLoss: number;
  trainLoss: number;
  stepsPerEpoch: number;
  totalSteps: number;
  trainMs: number;
  date: string;
  /** Test-set indices of the probe digits (the first of each class), to check they match. */
  probeIndices: number[];
  timeline: StoredFrame[];
  howToRegenerate: string;
}

/** What the page needs of meta.json (the pictures travel separately, decoded). */
export type PretrainedInfo = Omit<PretrainedMeta, 'timeline'>;

export function encodeFrame(pixels: Float32Array): string {
  let binary = '';
  for (let i = 0; i < pixels.length; i++) {
    binary += String.fromCharCode(Math.round(Math.min(1, Math.max(0, pixels[i])) * 255));
  }
  return btoa(binary);
}

export function decodeFrame(text: string): Float32Array {
  const binary = atob(text);
  const pixels = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i++) pixels[i] = binary.charCodeAt(i) / 255;
  return pixels;
}

function fail(file: string, what: string): never {
  throw new Error(`The pretrained model's ${file} is not usable: ${what}.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks the parts of meta.json the app relies on. */
export function parseMeta(value: unknown): PretrainedMeta {
  const file = PRETRAINED_FILES.meta;
  if (!isObject(value) || value.format !== PRETRAINED_FORMAT) fail(file, 'unknown format');
  if (!isObject(value.config)) fail(file, 'no config');
  if (typeof value.valLoss !== 'number') fail(file, 'no validation loss');
  if (!Array.isArray(value.timeline)) fail(file, 'no timeline');
  for (const frame of value.timeline as unknown[]) {
    if (!isObject(frame) || typeof frame.step !== 'number' || typeof frame.pixels !== 'string') {
      fail(file, 'a timeline picture is malformed');
    }
  }
  return value as unknown as PretrainedMeta;
}

export function parseHistory(value: unknown): PretrainedHistory {
  const file = PRETRAINED_FILES.history;
  if (!isObject(value) || value.format !== PRETRAINED_FORMAT) fail(file, 'unknown format');
  if (!Array.isArray(value.losses) || !Array.isArray(value.epochs)) fail(file, 'no losses');
  return value as unknown as PretrainedHistory;
}

/** The stored pictures as floats; each must hold `probes` whole images. */
export function decodeTimeline(meta: PretrainedMeta, probes: number): TimelineFrame[] {
  return meta.timeline.map((frame) => {
    const pixels = decodeFrame(frame.pixels);
    if (pixels.length !== probes * IMAGE_SIZE) {
      fail(PRETRAINED_FILES.meta, `the picture of step ${frame.step} has the wrong size`);
    }
    return { step: frame.step, pixels };
  });
}

export function infoOf(meta: PretrainedMeta): PretrainedInfo {
  const { timeline: _timeline, ...info } = meta;
  return info;
}
