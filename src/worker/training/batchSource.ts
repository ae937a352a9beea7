/**
 * Where training batches come from. On WebGL the training set is uploaded to the GPU once (when
 * it fits) and each batch is gathered there, so a step sends 128 indices instead of 400 KB of
 * pixels and the GPU never waits for an upload. Elsewhere (wasm, cpu) the tensors already live in
 * main memory, and copying rows from the uint8 array is cheapest (see batches.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_SIZE } from '../../shared/config';
import { BatchBuilder, type PixelSet } from './batches';
import { chunksOf } from '../data/pixelChunks';

export interface BatchSource {
  /** A [rows, 784] float tensor of the images order[start..end); dispose it before the next. */
  gather(order: ArrayLike<number>, start: number, end: number): tf.Tensor2D;
  dispose(): void;
}

/** The GPU copy of the training set may use at most this much (float32: 60,000 images = 188 MB). */
export const GPU_DATASET_BUDGET_BYTES = 256 * 1024 * 1024;
/** Images uploaded at a time, so the JS heap never holds a float copy of the whole set. */
const UPLOAD_CHUNK = 4096;

class CpuBatches implements BatchSource {
  private readonly builder: BatchBuilder;
  constructor(data: PixelSet, maxRows: number) {
    this.builder = new BatchBuilder(data, maxRows);
  }
  gather(order: ArrayLike<number>, start: number, end: number): tf.Tensor2D {
    return this.builder.gather(order, start, end);
  }
  dispose(): void {}
}

/** Uploads the set in pieces, so the JS heap never holds a float copy of all of it. */
function uploadImages(data: PixelSet): tf.Tensor2D {
  const { chunks: stored, chunkImages, count } = chunksOf(data);
  const chunks: tf.Tensor2D[] = [];
  try {
    for (let first = 0; first < count;) {
      // Within one stored chunk: an upload never straddles two arrays.
      const offset = first % chunkImages;
      const rows = Math.min(UPLOAD_CHUNK, count - first, chunkImages - offset);
      const from = stored[Math.floor(first / chunkImages)];
      const bytes = from.subarray(offset * IMAGE_SIZE, (offset + rows) * IMAGE_SIZE);
      // Scaling on the GPU also forces the upload now: WebGL tensors upload lazily, and would
      // otherwise keep every chunk's JS array alive until the concat.
      chunks.push(
        tf.tidy(() => tf.div(tf.tensor2d(Float32Array.from(bytes), [rows, IMAGE_SIZE]), 255)),
      );
      first += rows;
    }
    const all = chunks.length === 1 ? chunks[0] : tf.concat2d(chunks, 0);
    if (chunks.length > 1) tf.dispose(chunks);
    chunks.length = 0;
    // tfjs's WebGL gather reads only unpacked textures, while div and concat write packed ones:
    // left packed, every batch's gather would first unpack all 188 MB (measured: ~1.8 s a step
    // on SwiftShader). One gather of every row now stores the set unpacked, once.
    const unpacked = tf.tidy(() => tf.gather(all, tf.range(0, count, 1, 'int32')));
    all.dispose();
    return unpacked as tf.Tensor2D;
  } finally {
    tf.dispose(chunks);
  }
}

/**
 * The one GPU copy, kept across runs: every Train (and Reset) makes a new Trainer, and uploading
 * 188 MB each time would delay the first loss point. Keyed by the pixels' memory and count.
 */
let resident: {
  first: Uint8Array;
  count: number;
  backend: string;
  images: tf.Tensor2D;
} | null = null;

function residentImages(data: PixelSet): tf.Tensor2D {
  const backend = tf.getBackend();
  const first = chunksOf(data).chunks[0];
  const hit =
    resident &&
    resident.first.buffer === first.buffer &&
    resident.first.byteOffset === first.byteOffset &&
    resident.count === data.count &&
    resident.backend === backend &&
    !resident.images.isDisposed;
  if (hit && resident) return resident.images;
  releaseGpuDataset();
  resident = { first, count: data.count, backend, images: uploadImages(data) };
  return resident.images;
}

/** Frees the GPU copy of the training set (e.g. before switching backend). */
export function releaseGpuDataset(): void {
  if (resident && !resident.images.isDisposed) resident.images.dispose();
  resident = null;
}

export class GpuBatches implements BatchSource {
  private readonly images: tf.Tensor2D;
  private readonly indices: Int32Array;

  constructor(data: PixelSet, maxRows: number) {
    this.indices = new Int32Array(maxRows);
    this.images = residentImages(data);
  }

  gather(order: ArrayLike<number>, start: number, end: number): tf.Tensor2D {
    const rows = end - start;
    if (rows < 1 || rows > this.indices.length) {
      throw new RangeError(`a batch must hold 1..${this.indices.length} images, not ${rows}`);
    }
    for (let r = 0; r < rows; r++) this.indices[r] = order[start + r];
    return tf.tidy(() => tf.gather(this.images, tf.tensor1d(this.indices.slice(0, rows), 'int32')));
  }

  /** The GPU copy stays for the next run (see `resident`). */
  dispose(): void {}
}

/** GPU-resident batches on WebGL when the set fits the budget, row copies otherwise. */
export function createBatchSource(data: PixelSet, maxRows: number): BatchSource {
  const bytes = data.count * IMAGE_SIZE * Float32Array.BYTES_PER_ELEMENT;
  if (tf.getBackend() === 'webgl' && bytes <= GPU_DATASET_BUDGET_BYTES) {
    return new GpuBatches(data, maxRows);
  }
  return new CpuBatches(data, maxRows);
}
