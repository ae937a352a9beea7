/**
 * A helper's side of a run: wait for the training worker to start a step, run this helper's slice
 * of the batch through the fast step with the weights in shared memory, write its weighted
 * gradients and loss back, say it is done, and wait again, until the run is released. It blocks
 * its worker while it serves (Atomics.wait), which is what a helper is for.
 */
import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_SIZE } from '../../shared/config';
import type { DenseWeights } from '../kernels/backprop';
import type { ToHelper } from './helperMessages';
import { COMMAND, HEADER, sharedLayout, type SharedLayout } from './sharedLayout';
import { slicePart } from './sliceGradients';
import { sliceRows } from './slices';

let runs = 0;

/** Variables shaped like the run's layers; tfjs names variables globally, so each run's differ. */
export function helperLayers(message: ToHelper): DenseWeights[] {
  const tag = `helper${message.index}_run${++runs}`;
  return message.description.layers.map((layer, i) => ({
    kernel: tf.variable(tf.zeros([layer.inputs, layer.units]), false, `${tag}_${i}_kernel`),
    bias: tf.variable(tf.zeros([layer.units]), false, `${tag}_${i}_bias`),
    activation: layer.activation,
  }));
}

export function computeSlice(
  message: ToHelper,
  layout: SharedLayout,
  layers: readonly DenseWeights[],
): void {
  const { buffer, description, index } = message;
  const rows = Atomics.load(layout.header(buffer), HEADER.rows);
  const slice = sliceRows(rows, description.helpers + 1)[index + 1];
  const grads = layout.grads(buffer, index);
  const losses = layout.losses(buffer);
  if (slice.end === slice.start) {
    grads.fill(0);
    losses[index] = 0;
    return;
  }
  const weights = layout.weights(buffer);
  const images = layout.images(buffer);
  tf.tidy(() => {
    layers.forEach((layer, i) => {
      const { inputs, units } = description.layers[i];
      const at = layout.offsets[i];
      // slice() copies out of shared memory into a plain array, which tfjs expects.
      layer.kernel.assign(
        tf.tensor2d(weights.slice(at.kernel, at.kernel + inputs * units), [inputs, units]),
      );
      layer.bias.assign(tf.tensor1d(weights.slice(at.bias, at.bias + units)));
    });
    const pixels = images.slice(slice.start * IMAGE_SIZE, slice.end * IMAGE_SIZE);
    const x = tf.tensor2d(pixels, [slice.end - slice.start, IMAGE_SIZE]);
    const part = slicePart(layers, x, slice.share, description.lossKind);
    layers.forEach((layer, i) => {
      grads.set(part.grads[layer.kernel.name].dataSync(), layout.offsets[i].kernel);
      grads.set(part.grads[layer.bias.name].dataSync(), layout.offsets[i].bias);
    });
    losses[index] = part.loss.dataSync()[0];
  });
}

/** Serves one run's steps until it is released. */
export function serveRun(message: ToHelper): void {
  const layout = sharedLayout(message.description);
  const header = layout.header(message.buffer);
  const layers = helperLayers(message);
  // A fresh buffer starts at generation 0; anything else is a step or a release.
  let seen = 0;
  try {
    for (;;) {
      Atomics.wait(header, HEADER.generation, seen);
      const generation = Atomics.load(header, HEADER.generation);
      if (generation === seen) continue;
      seen = generation;
      if (Atomics.load(header, HEADER.command) === COMMAND.release) return;
      try {
        computeSlice(message, layout, layers);
      } catch {
        Atomics.store(header, HEADER.failed, 1);
      }
      Atomics.add(header, HEADER.done, 1);
      Atomics.notify(header, HEADER.done);
    }
  } finally {
    for (const layer of layers) tf.dispose([layer.kernel, layer.bias]);
  }
}
