/**
 * A helper's side of a run. It waits for the training worker's command, runs its slice of the
 * batch through the fast step with the weights in shared memory and writes its weighted gradients
 * and loss back; once every thread's gradients are in, applies Adam to its range of the
 * parameters; says it is done; and waits again, until the run is released. It blocks its worker
 * while it serves (Atomics.wait), which is what a helper is for.
 */
import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_SIZE } from '../../shared/config';
import type { DenseWeights } from '../kernels/backprop';
import type { LayerShape } from '../models/layerShapes';
import { copyIn, copyOut, tensorOf } from '../kernels/wasmHeap';
import type { ToHelper } from './helperMessages';
import { mark, waitForCount } from './counters';
import { adamRange } from './sharedAdam';
import { COMMAND, HEADER, sharedLayout, type SharedLayout } from './sharedLayout';
import { slicePart } from './sliceGradients';
import { sliceBatch, sliceRows } from './slices';

let runs = 0;

/** A variable of zeros (the zeros themselves disposed: the variable keeps its own count). */
function zeroVariable(shape: number[], name: string): tf.Variable {
  return tf.tidy(() => tf.variable(tf.zeros(shape), false, name));
}

/** Layers of zeros shaped like `shapes`; tfjs names variables globally, so each `tag` must differ. */
export function zeroLayers(shapes: readonly LayerShape[], tag: string): DenseWeights[] {
  return shapes.map((shape, i) => ({
    kernel: zeroVariable([shape.inputs, shape.units], `${tag}_${i}_kernel`),
    bias: zeroVariable([shape.units], `${tag}_${i}_bias`),
    activation: shape.activation,
  }));
}

/** Variables shaped like the run's layers. */
export function helperLayers(message: ToHelper): DenseWeights[] {
  return zeroLayers(message.description.layers, `helper${message.index}_run${++runs}`);
}

/** This helper's slice of the batch: weighted gradients and loss into its thread's slots. */
function computeSlice(
  message: ToHelper,
  layout: SharedLayout,
  layers: readonly DenseWeights[],
): void {
  const { buffer, description } = message;
  const thread = message.index + 1;
  const header = layout.header(buffer);
  const rows = Atomics.load(header, HEADER.rows);
  const firstRows = Atomics.load(header, HEADER.firstRows);
  const slice = sliceBatch(rows, description.threads, firstRows)[thread];
  const grads = layout.grads(buffer, thread);
  const losses = layout.losses(buffer);
  if (slice.end === slice.start) {
    grads.fill(0);
    losses[thread] = 0;
    return;
  }
  const weights = layout.weights(buffer);
  const images = layout.images(buffer);
  layers.forEach((layer, i) => {
    const { inputs, units } = description.layers[i];
    const at = layout.offsets[i];
    copyIn(layer.kernel, weights.subarray(at.kernel, at.kernel + inputs * units));
    copyIn(layer.bias, weights.subarray(at.bias, at.bias + units));
  });
  tf.tidy(() => {
    const pixels = images.subarray(slice.start * IMAGE_SIZE, slice.end * IMAGE_SIZE);
    const x = tensorOf<tf.Rank.R2>(pixels, [slice.end - slice.start, IMAGE_SIZE]);
    const part = slicePart(layers, x, slice.share, description.lossKind);
    layers.forEach((layer, i) => {
      copyOut(part.grads[layer.kernel.name], grads, layout.offsets[i].kernel);
      copyOut(part.grads[layer.bias.name], grads, layout.offsets[i].bias);
    });
    losses[thread] = part.loss.dataSync()[0];
  });
}

/** This helper's range of the Adam update. */
function updateRange(message: ToHelper, layout: SharedLayout): void {
  const { buffer, description } = message;
  const range = sliceRows(layout.params, description.threads)[message.index + 1];
  const step = Atomics.load(layout.header(buffer), HEADER.step);
  adamRange(description, layout, buffer, range, step);
}

/** This helper's gradients, counted in as done (and as failed if they could not be computed). */
export function gradientsPart(
  message: ToHelper,
  layout: SharedLayout,
  layers: DenseWeights[],
): void {
  const header = layout.header(message.buffer);
  try {
    computeSlice(message, layout, layers);
  } catch {
    Atomics.store(header, HEADER.failed, 1);
  }
  mark(header, HEADER.done);
}

/** Once every thread's gradients are in: this helper's range of Adam, unless a thread failed. */
export function updatePart(message: ToHelper, layout: SharedLayout): void {
  const header = layout.header(message.buffer);
  if (Atomics.load(header, HEADER.failed) === 0) {
    try {
      updateRange(message, layout);
    } catch {
      Atomics.store(header, HEADER.failed, 1);
    }
  }
  mark(header, HEADER.updated);
}

/**
 * One batch: this helper's gradients; then, once every thread's are written (the training
 * worker's too), its range of the Adam update. Going straight from one to the other, without
 * waiting to be told, saves the helper a wake-up per step: ~1 ms on a busy two-core machine.
 */
export function serveBatch(message: ToHelper, layout: SharedLayout, layers: DenseWeights[]): void {
  gradientsPart(message, layout, layers);
  waitForCount(layout.header(message.buffer), HEADER.done, message.description.threads);
  updatePart(message, layout);
}

/** Serves one run until it is released. */
export function serveRun(message: ToHelper): void {
  const layout = sharedLayout(message.description);
  const header = layout.header(message.buffer);
  const layers = helperLayers(message);
  let seen = message.generation;
  try {
    for (;;) {
      Atomics.wait(header, HEADER.generation, seen);
      const generation = Atomics.load(header, HEADER.generation);
      if (generation === seen) continue;
      seen = generation;
      const command = Atomics.load(header, HEADER.command);
      if (command === COMMAND.release) return;
      serveBatch(message, layout, layers);
    }
  } finally {
    for (const layer of layers) tf.dispose([layer.kernel, layer.bias]);
  }
}
