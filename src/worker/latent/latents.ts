/**
 * One pass over a whole split that yields, per image, its latent code and its reconstruction
 * loss, and from those the validation loss. The codes come from the same forward pass as the
 * loss (the layers are applied one by one and the bottleneck's output is kept), so encoding the
 * test set at an epoch end costs only the extra read of testCount x latentDim floats.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { BatchBuilder, type PixelSet } from '../training/batches';
import { EVAL_CHUNK } from './evaluate';
import type { LossKind, TrainingConfig } from '../../shared/config';
import type { LossParts } from '../../shared/progress';
import { lossPerImage } from '../kernels/loss';
import { sampleCode, vaeLossTerms } from '../kernels/vaeBackprop';
import { dense, matMulRoute } from '../kernels/backprop';
import { STANDARD_KIND, vaeWeights, type StepKind } from '../kernels/trainStep';
import { LATENT_LAYER, LAYER_SPECS } from '../models/layerShapes';
import { denseLayers } from '../models/model';
import { NoiseSource, corrupt } from '../training/noise';
import { SEED_STREAM, deriveSeed } from '../training/random';

export interface SetEvaluation {
  latentDim: number;
  /** count x latentDim, row-major (a VAE's means). */
  codes: Float32Array;
  /** Per-image Keras BCE, count values (a VAE: its reconstruction + beta · KL). */
  losses: Float32Array;
  /** Mean of `losses`: the validation loss Keras prints. */
  meanLoss: number;
  /** A VAE's two terms, each the mean over the set. */
  parts?: LossParts;
  /** A VAE's KL per code number, the mean over the set (near 0: the KL switched it off). */
  unitKl?: Float32Array;
}

/** How a set is scored: the loss, and the kind of model with its noise or beta. */
export type ScoreKind = Pick<TrainingConfig, 'loss'> & StepKind;

/**
 * One chunk's results as tensors (a VAE's extra sums too); made inside tf.tidy. A type alias,
 * not an interface, so it counts as a TensorContainer (tf.tidy can return it).
 */
type ChunkScore = {
  codes: tf.Tensor2D;
  losses: tf.Tensor1D;
  /** VAE: [sum of reconstruction, sum of KL, then latentDim sums of each unit's KL]. */
  sums?: tf.Tensor1D;
};

/** A VAE's codes (the means) and per-image loss, with its code sampled from `epsilon`. */
function scoreVae(
  model: tfl.LayersModel,
  images: tf.Tensor2D,
  epsilon: Float32Array,
  beta: number,
): ChunkScore {
  const w = vaeWeights(model);
  const route = matMulRoute();
  const hidden = dense(images, w.encoder, route);
  const codes = dense(hidden, w.mean, route);
  const logVar = dense(hidden, w.logVar, route);
  const eps = tf.tensor2d(epsilon, codes.shape);
  const decoded = dense(sampleCode(codes, logVar, eps), w.decoder, route);
  const prediction = dense(decoded, w.output, route);
  const terms = vaeLossTerms(images, prediction, codes, logVar);
  const sums = tf.concat([
    tf.stack([tf.sum(terms.reconstruction), tf.sum(terms.kl)]),
    tf.sum(terms.klPerUnit, 0),
  ]) as tf.Tensor1D;
  return { codes, losses: tf.add(terms.reconstruction, tf.mul(terms.kl, beta)), sums };
}

const LATENT_INDEX = LAYER_SPECS.findIndex((spec) => spec.name === LATENT_LAYER);

/** The bottleneck's width, read from the model so loaded models work too. */
export function latentDimOf(model: tfl.LayersModel): number {
  const shape = model.getLayer(LATENT_LAYER).outputShape as number[];
  return shape[shape.length - 1];
}

/** Codes and per-image losses of `images` ([rows, 784] in [0, 1]); call inside tf.tidy. */
export function encodeAndScore(
  model: tfl.LayersModel,
  images: tf.Tensor2D,
  lossKind: LossKind = 'bce',
  target: tf.Tensor2D = images,
): { codes: tf.Tensor2D; losses: tf.Tensor1D } {
  const layers = denseLayers(model);
  let x: tf.Tensor2D = images;
  let codes: tf.Tensor2D = images;
  for (let i = 0; i < layers.length; i++) {
    x = layers[i].apply(x) as tf.Tensor2D;
    if (i === LATENT_INDEX) codes = x;
  }
  return { codes, losses: lossPerImage(lossKind, target, x) };
}

const STANDARD_SCORE: ScoreKind = { ...STANDARD_KIND, loss: 'bce' };

/**
 * Scores chunk after chunk of one set. Its noise starts from the same seed at every pass, so a
 * denoising model meets the same damaged test digits each epoch and a VAE the same samples:
 * the epochs' validation losses compare like with like.
 */
function chunkScorer(model: tfl.LayersModel, kind: ScoreKind) {
  const stream = kind.model === 'vae' ? SEED_STREAM.vaeEvalSampling : SEED_STREAM.evalNoise;
  const source = new NoiseSource(deriveSeed(kind.seed, stream));
  const latentDim = latentDimOf(model);
  return (images: tf.Tensor2D): ChunkScore => {
    const rows = images.shape[0];
    if (kind.model === 'vae') {
      const epsilon = source.fillNormal(new Float32Array(rows * latentDim));
      return tf.tidy(() => scoreVae(model, images, epsilon, kind.beta));
    }
    return tf.tidy(() => {
      const inputs =
        kind.model === 'denoising'
          ? corrupt(images, { kind: kind.noiseKind, strength: kind.noise }, source)
          : images;
      return encodeAndScore(model, inputs, kind.loss, images);
    });
  };
}

/**
 * Every image of `set` encoded and scored, in chunks so memory stays small, read
 * asynchronously so a GPU backend is not stalled, and yielding between chunks so commands are
 * heard. Returns null if `cancelled()` turns true between chunks (the run was stopped or the
 * trainer disposed).
 */
export async function evaluateSet(
  model: tfl.LayersModel,
  set: PixelSet,
  cancelled: () => boolean,
  chunk = EVAL_CHUNK,
  kind: ScoreKind = STANDARD_SCORE,
): Promise<SetEvaluation | null> {
  const latentDim = latentDimOf(model);
  const codes = new Float32Array(set.count * latentDim);
  const losses = new Float32Array(set.count);
  const builder = new BatchBuilder(set, Math.min(chunk, set.count));
  const score = chunkScorer(model, kind);
  // A VAE's sums: reconstruction, KL, then each unit's KL (float64, over the whole set).
  const sums = kind.model === 'vae' ? new Float64Array(2 + latentDim) : null;
  let total = 0;
  for (let start = 0; start < set.count; start += chunk) {
    if (cancelled()) return null;
    const rows = Math.min(chunk, set.count - start);
    const out = tf.tidy(() => score(builder.range(start, rows)));
    try {
      const [codeValues, lossValues, sumValues] = await Promise.all([
        out.codes.data(),
        out.losses.data(),
        out.sums?.data(),
      ]);
      codes.set(codeValues as Float32Array, start * latentDim);
      losses.set(lossValues as Float32Array, start);
      if (sums && sumValues) sumValues.forEach((value, i) => (sums[i] += value));
    } finally {
      tf.dispose([out.codes, out.losses, ...(out.sums ? [out.sums] : [])]);
    }
    // On wasm and cpu data() resolves at once, so without this the whole set (~0.5 s) would
    // run as one task, and a Train or Stop clicked meanwhile would wait for all of it.
    if (start + chunk < set.count) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (cancelled()) return null;
  // Summed in float64 per image, so the short last chunk is weighted right.
  for (let i = 0; i < set.count; i++) total += losses[i];
  const evaluation = { latentDim, codes, losses, meanLoss: total / set.count };
  if (!sums) return evaluation;
  return {
    ...evaluation,
    parts: { reconstruction: sums[0] / set.count, kl: sums[1] / set.count },
    unitKl: Float32Array.from(sums.subarray(2), (sum) => sum / set.count),
  };
}
