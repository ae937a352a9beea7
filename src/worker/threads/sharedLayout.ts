/**
 * Where everything lives in the memory the training worker shares with its helpers: a small
 * header of counters, the weights (written by the training worker before each step), the batch's
 * pixels, one gradient area and one loss per helper. Both sides compute the same offsets from the
 * same description, so only the description travels in a message.
 */
import { IMAGE_SIZE, type LossKind } from '../../shared/config';
import type { DenseActivation } from '../models/model';

/** Int32 slots of the header. */
export const HEADER = {
  /** Bumped by the training worker to start a step (or deliver a command): helpers wait on it. */
  generation: 0,
  /** Helpers that finished the current step: the training worker waits on it. */
  done: 1,
  command: 2,
  /** Rows in the current batch. */
  rows: 3,
  /** Set by a helper whose step threw. */
  failed: 4,
} as const;
const HEADER_INTS = 8;

export const COMMAND = { step: 0, release: 1 } as const;

export interface LayerShape {
  inputs: number;
  units: number;
  activation: DenseActivation;
}

/** What both sides need to agree on; sent to each helper when a run starts. */
export interface SharedDescription {
  layers: LayerShape[];
  lossKind: LossKind;
  maxRows: number;
  helpers: number;
}

export interface LayerOffsets {
  kernel: number;
  bias: number;
}

export interface SharedLayout {
  /** Float offsets of each layer's kernel and bias inside a block of weights (or gradients). */
  offsets: LayerOffsets[];
  /** Floats in one block of weights. */
  params: number;
  bytes: number;
  weights: (buffer: SharedArrayBuffer) => Float32Array;
  images: (buffer: SharedArrayBuffer) => Float32Array;
  /** Helper h's (0-based) gradients, already weighted by its slice's share. */
  grads: (buffer: SharedArrayBuffer, helper: number) => Float32Array;
  /** One weighted loss per helper. */
  losses: (buffer: SharedArrayBuffer) => Float32Array;
  header: (buffer: SharedArrayBuffer) => Int32Array;
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
  const headerBytes = HEADER_INTS * Int32Array.BYTES_PER_ELEMENT;
  const weightsAt = headerBytes;
  const imagesAt = weightsAt + params * F;
  const imageFloats = description.maxRows * IMAGE_SIZE;
  const gradsAt = imagesAt + imageFloats * F;
  const lossesAt = gradsAt + description.helpers * params * F;
  const bytes = lossesAt + Math.max(1, description.helpers) * F;
  return {
    offsets,
    params,
    bytes,
    header: (buffer) => new Int32Array(buffer, 0, HEADER_INTS),
    weights: (buffer) => new Float32Array(buffer, weightsAt, params),
    images: (buffer) => new Float32Array(buffer, imagesAt, imageFloats),
    grads: (buffer, helper) => new Float32Array(buffer, gradsAt + helper * params * F, params),
    losses: (buffer) => new Float32Array(buffer, lossesAt, Math.max(1, description.helpers)),
  };
}
