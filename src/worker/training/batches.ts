/**
 * Turns rows of the uint8 pixel arrays into float32 tensors in [0, 1]. Rows are copied into one
 * reused Float32Array rather than sliced from a big tensor: on wasm, slicing a [60000, 784]
 * tensor copies all of it (~150 ms), while copying 128 rows here costs well under a millisecond.
 */
import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_SIZE } from '../../shared/config';
import { chunksOf, type PixelChunks, type PixelSet } from '../data/pixelChunks';

export type { PixelSet } from '../data/pixelChunks';

export class BatchBuilder {
  private readonly buffer: Float32Array;
  private readonly source: PixelChunks;

  constructor(
    source: PixelSet,
    private readonly maxRows: number,
  ) {
    this.source = chunksOf(source);
    this.buffer = new Float32Array(maxRows * IMAGE_SIZE);
  }

  /**
   * A [rows, 784] tensor of the images order[start..end). The tensor may share the reused
   * buffer (the cpu backend keeps the array it is given), so dispose it before the next call.
   */
  gather(order: ArrayLike<number>, start: number, end: number): tf.Tensor2D {
    const rows = end - start;
    this.checkRows(rows);
    for (let r = 0; r < rows; r++) this.copyRow(order[start + r], r);
    return this.toTensor(rows);
  }

  /** A [rows, 784] tensor of the consecutive images start..start+rows (same caveat). */
  range(start: number, rows: number): tf.Tensor2D {
    this.checkRows(rows);
    for (let r = 0; r < rows; r++) this.copyRow(start + r, r);
    return this.toTensor(rows);
  }

  private checkRows(rows: number): void {
    if (rows < 1 || rows > this.maxRows) {
      throw new RangeError(`a batch must hold 1..${this.maxRows} images, not ${rows}`);
    }
  }

  private copyRow(image: number, row: number): void {
    if (image < 0 || image >= this.source.count) {
      throw new RangeError(`image ${image} is outside 0..${this.source.count - 1}`);
    }
    const { chunks, chunkImages } = this.source;
    const pixels = chunks[Math.floor(image / chunkImages)];
    const from = (image % chunkImages) * IMAGE_SIZE;
    const to = row * IMAGE_SIZE;
    for (let i = 0; i < IMAGE_SIZE; i++) this.buffer[to + i] = pixels[from + i] / 255;
  }

  private toTensor(rows: number): tf.Tensor2D {
    return tf.tensor2d(this.buffer.subarray(0, rows * IMAGE_SIZE), [rows, IMAGE_SIZE]);
  }
}
