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
import type { LossKind } from '../../shared/config';
import { lossPerImage } from '../kernels/loss';
import { LATENT_LAYER, LAYER_SPECS, denseLayers } from '../models/model';

export interface SetEvaluation {
  latentDim: number;
  /** count x latentDim, row-major. */
  codes: Float32Array;
  /** Per-image Keras BCE, count values. */
  losses: Float32Array;
  /** Mean of `losses`: the validation loss Keras prints. */
  meanLoss: number;
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
): { codes: tf.Tensor2D; losses: tf.Tensor1D } {
  const layers = denseLayers(model);
  let x: tf.Tensor2D = images;
  let codes: tf.Tensor2D = images;
  for (let i = 0; i < layers.length; i++) {
    x = layers[i].apply(x) as tf.Tensor2D;
    if (i === LATENT_INDEX) codes = x;
  }
  return { codes, losses: lossPerImage(lossKind, images, x) };
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
  lossKind: LossKind = 'bce',
): Promise<SetEvaluation | null> {
  const latentDim = latentDimOf(model);
  const codes = new Float32Array(set.count * latentDim);
  const losses = new Float32Array(set.count);
  const builder = new BatchBuilder(set, Math.min(chunk, set.count));
  let total = 0;
  for (let start = 0; start < set.count; start += chunk) {
    if (cancelled()) return null;
    const rows = Math.min(chunk, set.count - start);
    const out = tf.tidy(() => encodeAndScore(model, builder.range(start, rows), lossKind));
    try {
      const [codeValues, lossValues] = await Promise.all([out.codes.data(), out.losses.data()]);
      codes.set(codeValues as Float32Array, start * latentDim);
      losses.set(lossValues as Float32Array, start);
    } finally {
      tf.dispose([out.codes, out.losses]);
    }
    // On wasm and cpu data() resolves at once, so without this the whole set (~0.5 s) would
    // run as one task, and a Train or Stop clicked meanwhile would wait for all of it.
    if (start + chunk < set.count) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (cancelled()) return null;
  // Summed in float64 per image, so the short last chunk is weighted right.
  for (let i = 0; i < set.count; i++) total += losses[i];
  return { latentDim, codes, losses, meanLoss: total / set.count };
}
