/**
 * Inference-side helpers: the validation loss over a whole split, and reconstructions of the
 * probe digits. Both run the LayersModel itself (no gradient tape) and read results
 * asynchronously so a GPU backend is not stalled.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { IMAGE_SIZE } from '../../shared/config';
import { BatchBuilder, type PixelSet } from '../training/batches';
import { bcePerImage } from '../kernels/loss';
import { denseLayers } from '../models/model';

export const EVAL_CHUNK = 1000;

/**
 * Mean Keras BCE over every image of `set`, in chunks so memory stays small. Returns null if
 * `cancelled()` turns true between chunks (the run was stopped or the trainer disposed).
 */
export async function meanLoss(
  model: tfl.LayersModel,
  set: PixelSet,
  cancelled: () => boolean,
  chunk = EVAL_CHUNK,
): Promise<number | null> {
  const builder = new BatchBuilder(set, Math.min(chunk, set.count));
  let total = 0;
  for (let start = 0; start < set.count; start += chunk) {
    if (cancelled()) return null;
    const rows = Math.min(chunk, set.count - start);
    // Summing per-image losses (not averaging per chunk) weights the short last chunk right.
    const sum = tf.tidy(() => {
      const images = builder.range(start, rows);
      return tf.sum(bcePerImage(images, rebuild(model, images)));
    });
    const [value] = await sum.data();
    sum.dispose();
    total += value;
  }
  return cancelled() ? null : total / set.count;
}

/**
 * The image -> code -> image path, layer by layer: a VAE's model has a second output (the
 * log-variance), and what the views show of it is the rebuild of the mean code.
 */
export function rebuild(model: tfl.LayersModel, images: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() =>
    denseLayers(model).reduce((x, layer) => layer.apply(x) as tf.Tensor2D, images),
  );
}

/** Bytes (0..255) or values already in [0, 1], back to back, 784 per image. */
function probeTensor(probes: Uint8Array | Float32Array): tf.Tensor2D {
  const count = probes.length / IMAGE_SIZE;
  if (probes instanceof Float32Array) return tf.tensor2d(probes, [count, IMAGE_SIZE]);
  return new BatchBuilder({ pixels: probes, count }, count).range(0, count);
}

function reconstructionTensor(model: tfl.LayersModel, probes: Uint8Array | Float32Array) {
  return tf.tidy(() => rebuild(model, probeTensor(probes)));
}

/** The model's output for the probe digits, probes x 784 values in [0, 1] (blocking read). */
export function reconstructSync(
  model: tfl.LayersModel,
  probes: Uint8Array | Float32Array,
): Float32Array {
  const out = reconstructionTensor(model, probes);
  const pixels = out.dataSync() as Float32Array;
  out.dispose();
  return new Float32Array(pixels);
}

/** The same, read asynchronously. */
export async function reconstruct(
  model: tfl.LayersModel,
  probes: Uint8Array | Float32Array,
): Promise<Float32Array> {
  const out = reconstructionTensor(model, probes);
  try {
    return new Float32Array((await out.data()) as Float32Array);
  } finally {
    out.dispose();
  }
}
