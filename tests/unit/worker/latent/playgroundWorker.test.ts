import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_SIZE } from '../../../../src/shared/config';
import { interpolateCodes } from '../../../../src/shared/latentMath';
import { buildAutoencoder } from '../../../../src/worker/models/model';
import { decodeCodes, encodeImages, latentMapOf } from '../../../../src/worker/latent/playground';
import { useWasmBackend } from '../../support/tfNode';

beforeAll(async () => {
  await useWasmBackend();
});

/** Two made-up images: a bar and a box, in 0..1. */
function images(): Float32Array {
  const out = new Float32Array(2 * IMAGE_SIZE);
  for (let y = 4; y < 24; y++) out[y * 28 + 14] = 1;
  for (let y = 8; y < 20; y++) for (let x = 8; x < 20; x++) out[IMAGE_SIZE + y * 28 + x] = 0.8;
  return out;
}

describe('playground worker ops', () => {
  it('encodes and rebuilds as the whole model does, and decoding the codes again agrees', async () => {
    const model = buildAutoencoder({ hiddenUnits: 16, latentDim: 4, seed: 3 });
    const pixels = images();
    const encoded = await encodeImages(model, pixels);
    expect(encoded.latentDim).toBe(4);
    expect(encoded.codes.length).toBe(8);
    const whole = tf.tidy(() => model.predict(tf.tensor2d(pixels, [2, IMAGE_SIZE])) as tf.Tensor);
    const expected = await whole.data();
    whole.dispose();
    encoded.pixels.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));

    // The interpolation's ends decode to the two images' rebuilds.
    const film = await decodeCodes(
      model,
      interpolateCodes(encoded.codes.subarray(0, 4), encoded.codes.subarray(4, 8), 5),
    );
    expect(film.length).toBe(5 * IMAGE_SIZE);
    for (let p = 0; p < IMAGE_SIZE; p += 37) {
      expect(film[p]).toBeCloseTo(expected[p], 5);
      expect(film[4 * IMAGE_SIZE + p]).toBeCloseTo(expected[IMAGE_SIZE + p], 5);
    }
    model.dispose();
  });

  it('projects codes to two numbers each, with shares of variance in 0..1', () => {
    const codes = Float32Array.from(
      { length: 300 * 4 },
      (_, i) => Math.sin(i * 1.7) * ((i % 4) + 1),
    );
    const map = latentMapOf({ codes, latentDim: 4, runId: 2, step: 9 });
    expect(map).toMatchObject({ type: 'latentMap', runId: 2, step: 9 });
    expect(map.coords.length).toBe(600);
    expect(map.explained[0]).toBeGreaterThanOrEqual(map.explained[1]);
    expect(map.explained[0] + map.explained[1]).toBeLessThanOrEqual(1 + 1e-9);
  });
});
