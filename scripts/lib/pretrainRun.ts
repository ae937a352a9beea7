/**
 * The pretrained model's training, with the app's own Trainer (src/worker/training/trainer.ts: the same
 * loop, backprop, Adam, shuffling and seeds as in the browser), and its files: tfjs Layers
 * model.json + weights.bin, history.json and meta.json. No copy of any training code lives here.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, type TrainingConfig } from '../../src/shared/config';
import {
  PRETRAINED_FILES,
  PRETRAINED_FORMAT,
  encodeFrame,
  type EpochLosses,
  type PretrainedHistory,
  type PretrainedMeta,
  type TimelineFrame,
} from '../../src/shared/pretrained';
import type { LossPoint, RunState } from '../../src/shared/protocol';
import { Trainer } from '../../src/worker/training/trainer';

export interface PixelSplit {
  pixels: Uint8Array;
  count: number;
}

export interface PretrainInput {
  config: TrainingConfig;
  train: PixelSplit;
  test: PixelSplit;
  /** The probe digits, 784 bytes each, back to back. */
  probes: Uint8Array;
  /** Told after each epoch, for a progress line. */
  onEpoch?: (epoch: EpochLosses, elapsedMs: number) => void;
}

export interface PretrainResult {
  /** The trainer that trained (its model is the trained network; dispose it when done). */
  trainer: Trainer;
  losses: LossPoint[];
  epochs: EpochLosses[];
  frames: TimelineFrame[];
  trainMs: number;
}

/** Runs one whole training run of `config` with the app's Trainer, at full speed. */
export function pretrain(input: PretrainInput): Promise<PretrainResult> {
  const losses: LossPoint[] = [];
  const epochs: EpochLosses[] = [];
  const frames: TimelineFrame[] = [];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const trainer: Trainer = new Trainer({
      config: input.config,
      train: input.train,
      test: input.test,
      probes: input.probes,
      events: {
        progress: (p) => losses.push(...p.losses),
        epochEnd: (e) => {
          epochs.push(e);
          input.onEpoch?.(e, performance.now() - started);
        },
        reconstructions: (pixels, step, onTimeline) => {
          if (onTimeline) frames.push({ step, pixels });
        },
        latentCodes: () => undefined,
        state: (state: RunState) => {
          if (state === 'done') {
            const trainMs = performance.now() - started;
            trainer.whenIdle().then(() => resolve({ trainer, losses, epochs, frames, trainMs }));
          }
          if (state === 'stopped') reject(new Error('the pretraining run stopped early'));
        },
        error: (message) => reject(new Error(message)),
      },
    });
    trainer.start(false);
  });
}

/** Every `every`-th batch loss, plus the first (the untrained loss is worth seeing). */
export function subsample(losses: readonly LossPoint[], every: number): LossPoint[] {
  return losses
    .filter((p) => p.step === 1 || p.step % every === 0)
    .map((p) => ({ step: p.step, epoch: round(p.epoch, 6), loss: round(p.loss, 6) }));
}

function round(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

export interface ModelFiles {
  modelJson: string;
  weights: Uint8Array;
}

/** The model in tfjs Layers format, as tf.loadLayersModel reads it from a folder. */
export async function layersModelFiles(model: tf.LayersModel): Promise<ModelFiles> {
  let files: ModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error('no weights to save');
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [PRETRAINED_FILES.weights], weights: artifacts.weightSpecs }],
      };
      files = { modelJson: JSON.stringify(modelJson), weights };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (files === null) throw new Error('the model was not saved');
  return files;
}

export interface PretrainFiles extends ModelFiles {
  history: PretrainedHistory;
  meta: PretrainedMeta;
}

/** Everything that goes into public/pretrained/. */
export async function pretrainFiles(
  result: PretrainResult,
  config: TrainingConfig,
  probeIndices: number[],
  every: number,
): Promise<PretrainFiles> {
  const { trainer, epochs } = result;
  const last = epochs.at(-1);
  if (!last) throw new Error('the run finished no epoch');
  const history: PretrainedHistory = {
    format: PRETRAINED_FORMAT,
    stepsPerEpoch: trainer.stepsPerEpoch,
    totalSteps: trainer.totalSteps,
    every,
    losses: subsample(result.losses, every),
    epochs: epochs.map((e) => ({
      epoch: e.epoch,
      trainLoss: round(e.trainLoss, 6),
      valLoss: round(e.valLoss, 6),
    })),
  };
  const meta: PretrainedMeta = {
    format: PRETRAINED_FORMAT,
    config,
    seed: config.seed,
    tfjsVersion: tf.version.tfjs,
    backend: tf.getBackend(),
    valLoss: round(last.valLoss, 6),
    trainLoss: round(last.trainLoss, 6),
    stepsPerEpoch: trainer.stepsPerEpoch,
    totalSteps: trainer.totalSteps,
    trainMs: Math.round(result.trainMs),
    date: new Date().toISOString(),
    probeIndices,
    timeline: result.frames.map((f) => ({ step: f.step, pixels: encodeFrame(f.pixels) })),
    howToRegenerate: 'npm run pretrain (see README: "The pretrained model")',
  };
  if (result.frames.some((f) => f.pixels.length !== probeIndices.length * IMAGE_SIZE)) {
    throw new Error('a timeline picture does not hold every probe');
  }
  return { ...(await layersModelFiles(trainer.network)), history, meta };
}
