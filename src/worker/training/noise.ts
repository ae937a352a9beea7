/**
 * The randomness a denoising run and a VAE draw at every step: masks that drop pixels, Gaussian
 * noise, and the VAE's N(0, 1) samples. Seeded (the same seed gives the same noise on every
 * machine) and cheap: a batch of 128 digits needs 100,352 values per step, so one 32-bit draw
 * gives four mask decisions or two normal values read from a table of N(0, 1)'s quantiles,
 * instead of a Math.log and a Math.cos per value.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { NoiseKind } from '../../shared/config';
import { normalQuantile } from '../../shared/normal';

const TABLE_SIZE = 65_536;
let quantiles: Float32Array | null = null;

/** N(0, 1) at the midpoints of 65,536 equal-probability slices: a draw is one index. */
function quantileTable(): Float32Array {
  if (quantiles) return quantiles;
  const table = new Float32Array(TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) table[i] = normalQuantile((i + 0.5) / TABLE_SIZE);
  quantiles = table;
  return table;
}

/** xorshift32: a full 32 bits per draw, three shifts each; `seed` must not be 0. */
export class NoiseSource {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /**
   * 1 where a pixel is kept and 0 where it is dropped, with probability `rate` (to 1/256: each
   * byte of a draw decides one pixel).
   */
  fillMask(out: Float32Array, rate: number): Float32Array {
    const threshold = Math.round(rate * 256);
    for (let i = 0; i < out.length; i += 4) {
      const bits = this.next();
      const end = Math.min(4, out.length - i);
      for (let k = 0; k < end; k++) out[i + k] = ((bits >>> (8 * k)) & 255) < threshold ? 0 : 1;
    }
    return out;
  }

  /** Values from N(0, scale²): each half of a draw picks one quantile from the table. */
  fillNormal(out: Float32Array, scale = 1): Float32Array {
    const table = quantileTable();
    for (let i = 0; i < out.length; i += 2) {
      const bits = this.next();
      out[i] = table[bits & 0xffff] * scale;
      if (i + 1 < out.length) out[i + 1] = table[bits >>> 16] * scale;
    }
    return out;
  }
}

/** How a denoising model's inputs are damaged. */
export interface NoiseSpec {
  kind: NoiseKind;
  /** mask: the share of pixels dropped; gaussian: the noise's standard deviation. */
  strength: number;
}

/** What the network is given for `images` ([rows, 784] in [0, 1]): a damaged copy. */
export function corrupt(images: tf.Tensor2D, spec: NoiseSpec, source: NoiseSource): tf.Tensor2D {
  const values = new Float32Array(images.size);
  return tf.tidy(() => {
    if (spec.kind === 'mask') {
      return tf.mul(images, tf.tensor2d(source.fillMask(values, spec.strength), images.shape));
    }
    const noise = tf.tensor2d(source.fillNormal(values, spec.strength), images.shape);
    return tf.clipByValue(tf.add(images, noise), 0, 1);
  });
}

/** The same damage on plain pixels, for the digits the page shows (no tensors needed). */
export function corruptPixels(pixels: Float32Array, spec: NoiseSpec, source: NoiseSource) {
  const noise = new Float32Array(pixels.length);
  if (spec.kind === 'mask') {
    source.fillMask(noise, spec.strength);
    return pixels.map((value, i) => value * noise[i]);
  }
  source.fillNormal(noise, spec.strength);
  return pixels.map((value, i) => Math.min(1, Math.max(0, value + noise[i])));
}
