import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_SIZE } from '../../../../src/shared/config';
import { BatchBuilder } from '../../../../src/worker/training/batches';
import { GpuBatches, releaseGpuDataset } from '../../../../src/worker/training/batchSource';
import {
  chunksOf,
  imageIn,
  joinChunks,
  type PixelChunks,
} from '../../../../src/worker/data/pixelChunks';

/** `count` images whose every pixel is a function of its image index and position. */
function images(count: number): Uint8Array {
  return Uint8Array.from({ length: count * IMAGE_SIZE }, (_, i) => (i * 7 + (i >> 10)) & 255);
}

/** The same images cut into chunks of `per` (the last shorter), as the sheets hand them over. */
function cut(pixels: Uint8Array, per: number): PixelChunks {
  const count = pixels.length / IMAGE_SIZE;
  const chunks: Uint8Array[] = [];
  for (let first = 0; first < count; first += per) {
    chunks.push(pixels.slice(first * IMAGE_SIZE, Math.min(count, first + per) * IMAGE_SIZE));
  }
  return { chunks, chunkImages: per, count };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('pixel chunks', () => {
  const whole = images(23);
  const chunked = cut(whole, 10);

  it('finds every image in its chunk', () => {
    for (let i = 0; i < 23; i++) {
      expect(imageIn(chunked, i)).toEqual(whole.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE));
    }
  });

  it('joins chunks back into the original order, and hands a single array back as it is', () => {
    expect(joinChunks(chunked)).toEqual(whole);
    const one = chunksOf({ pixels: whole, count: 23 });
    expect(one.chunks).toHaveLength(1);
    expect(joinChunks(one).buffer).toBe(whole.buffer);
  });

  it('joins only the first `count` images when the set is cut short', () => {
    expect(joinChunks({ ...chunked, count: 15 })).toEqual(whole.subarray(0, 15 * IMAGE_SIZE));
  });

  it('gathers the same batches from chunks as from one array', () => {
    const order = [22, 0, 9, 10, 11, 19, 20, 3];
    const fromWhole = new BatchBuilder({ pixels: whole, count: 23 }, 8).gather(order, 0, 8);
    const fromChunks = new BatchBuilder(chunked, 8).gather(order, 0, 8);
    expect(Array.from(fromChunks.dataSync())).toEqual(Array.from(fromWhole.dataSync()));
    tf.dispose([fromWhole, fromChunks]);
  });

  it('refuses an image past the end, even when its chunk exists', () => {
    expect(() => new BatchBuilder({ ...chunked, count: 15 }, 1).range(15, 1)).toThrow(/outside/);
  });

  it('uploads chunks for the GPU path in image order', () => {
    const order = [22, 0, 9, 10, 11, 19, 20, 3];
    const expected = new BatchBuilder({ pixels: whole, count: 23 }, 8).gather(order, 0, 8);
    const gathered = new GpuBatches(chunked, 8).gather(order, 0, 8);
    expect(Array.from(gathered.dataSync())).toEqual(Array.from(expected.dataSync()));
    tf.dispose([expected, gathered]);
    releaseGpuDataset();
  });
});
