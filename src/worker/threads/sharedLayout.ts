/**
 * Where everything lives in the memory the training worker shares with its helpers: a header of
 * counters, the weights and Adam's two moments (the run's state while it trains threaded), the
 * batch's pixels, one block of gradients and one loss per thread. Both sides compute the same
 * offsets from the same description, so only the description travels in a message.
 */
import { IMAGE_SIZE, type LossKind } from '../../shared/config';
import type { AdamSettings } from '../kernels/fastAdam';
import type { LayerShape } from '../models/layerShapes';

/** Int32 slots of the header. */
export const HEADER = {
  /** Bumped by the training worker to hand out work (a command): helpers wait on it. */
  generation: 0,
  /**
   * Threads whose gradients are written, the training worker's included: every thread waits for
   * all of them before it applies Adam to its range.
   */
  done: 1,
  command: 2,
  /** Rows in the current batch. */
  rows: 3,
  /** Set by a helper whose work threw. */
  failed: 4,
  /** Helpers whose share of the Adam update is done. */
  updated: 5,
  /** The update's number, counting from 1 (Adam's bias correction needs it). */
  step: 6,
  /** Rows of the batch the training worker computes itself (rowBalance.ts). */
  firstRows: 7,
} as const;
const HEADER_INTS = 8;

export const COMMAND = { gradients: 0, release: 1 } as const;

/** What both sides need to agree on; sent to each helper when a run starts. */
export interface SharedDescription {
  layers: LayerShape[];
  lossKind: LossKind;
  adam: AdamSettings;
  maxRows: number;
  /** Threads in all, the training worker included. */
  threads: number;
}

export interface LayerOffsets {
  kernel: number;
  bias: number;
}

export interface SharedLayout {
  /** Float offsets of each layer's kernel and bias inside a block of parameters. */
  offsets: LayerOffsets[];
  /** Floats in one block of parameters. */
  params: number;
  bytes: number;
  header: (buffer: SharedArrayBuffer) => Int32Array;
  weights: (buffer: SharedArrayBuffer) => Float32Array;
  firstMoment: (buffer: SharedArrayBuffer) => Float32Array;
  secondMoment: (buffer: SharedArrayBuffer) => Float32Array;
  images: (buffer: SharedArrayBuffer) => Float32Array;
  /** Thread t's gradients (0: the training worker), already weighted by its slice's share. */
  grads: (buffer: SharedArrayBuffer, thread: number) => Float32Array;
  /** One weighted loss per thread. */
  losses: (buffer: SharedArrayBuffer) => Float32Array;
}

export function sharedLayout(description: SharedDescription): SharedLayout {
  const offsets: LayerOffsets[] = [];
  let params = 0;
  for (const layer of description.layers) {
    const kernel = params;
    params += layer.inputs * layer.units;
    offsets.push({ kernel, bias: params });
    params += layer.units;
  }
  const F = Float32Array.BYTES_PER_ELEMENT;
  const block = params * F;
  const weightsAt = HEADER_INTS * Int32Array.BYTES_PER_ELEMENT;
  const firstAt = weightsAt + block;
  const secondAt = firstAt + block;
  const imagesAt = secondAt + block;
  const imageFloats = description.maxRows * IMAGE_SIZE;
  const gradsAt = imagesAt + imageFloats * F;
  const lossesAt = gradsAt + description.threads * block;
  return {
    offsets,
    params,
    bytes: lossesAt + description.threads * F,
    header: (buffer) => new Int32Array(buffer, 0, HEADER_INTS),
    weights: (buffer) => new Float32Array(buffer, weightsAt, params),
    firstMoment: (buffer) => new Float32Array(buffer, firstAt, params),
    secondMoment: (buffer) => new Float32Array(buffer, secondAt, params),
    images: (buffer) => new Float32Array(buffer, imagesAt, imageFloats),
    grads: (buffer, thread) => new Float32Array(buffer, gradsAt + thread * block, params),
    losses: (buffer) => new Float32Array(buffer, lossesAt, description.threads),
  };
}
