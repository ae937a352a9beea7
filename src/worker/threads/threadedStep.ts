/**
 * The training step on several threads: the batch is cut into slices (slices.ts), the helpers
 * compute theirs from shared memory while this worker computes the first, then the weighted parts
 * are added and ONE Adam update is applied to the model's own variables. The maths is the
 * one-thread step's (same batch, same mean loss, same update), only the work is shared; the
 * model stays the single source of truth for the weights (predict, save, the latent views).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { IMAGE_SIZE, type LossKind } from '../../shared/config';
import type { DenseWeights } from '../kernels/backprop';
import { denseWeights, makeTrainStep, type TrainStepFn } from '../kernels/trainStep';
import type { ComputePool, SharedRun } from './computePool';
import type { SharedDescription } from './sharedLayout';
import { slicePart, sumParts } from './sliceGradients';
import { sliceRows } from './slices';

/**
 * Smaller slices than this are not worth a thread: the fixed cost of a step (a dozen kernels, the
 * copies) would outweigh the rows. Such batches (a tiny last batch) run on this worker alone.
 */
const MIN_SLICE_ROWS = 8;

export interface ThreadedStepOptions {
  model: tfl.LayersModel;
  optimizer: tf.Optimizer;
  lossKind: LossKind;
  pool: ComputePool;
  /** Threads in all, this worker included. */
  threads: number;
  maxRows: number;
}

function describe(layers: readonly DenseWeights[], opts: ThreadedStepOptions): SharedDescription {
  return {
    layers: layers.map((layer) => {
      const [inputs, units] = layer.kernel.shape;
      if (units === undefined) throw new Error(`${layer.kernel.name} is not a matrix`);
      return { inputs, units, activation: layer.activation };
    }),
    lossKind: opts.lossKind,
    maxRows: opts.maxRows,
    helpers: opts.threads - 1,
  };
}

/** The model's weights into shared memory, where the helpers read them. */
function shareWeights(run: SharedRun, layers: readonly DenseWeights[]): void {
  const weights = run.layout.weights(run.buffer);
  layers.forEach((layer, i) => {
    weights.set(layer.kernel.dataSync(), run.layout.offsets[i].kernel);
    weights.set(layer.bias.dataSync(), run.layout.offsets[i].bias);
  });
}

/** Helper h's weighted gradients as tensors, keyed like the model's variables. */
function helperPart(run: SharedRun, layers: readonly DenseWeights[], h: number): tf.NamedTensorMap {
  const grads = run.layout.grads(run.buffer, h);
  const part: tf.NamedTensorMap = {};
  layers.forEach((layer, i) => {
    const { kernel, bias } = run.layout.offsets[i];
    const inputs = layer.kernel.shape[0];
    const units = layer.bias.shape[0];
    part[layer.kernel.name] = tf.tensor2d(grads.slice(kernel, kernel + inputs * units), [
      inputs,
      units,
    ]);
    part[layer.bias.name] = tf.tensor1d(grads.slice(bias, bias + units));
  });
  return part;
}

export function makeThreadedStep(opts: ThreadedStepOptions): TrainStepFn {
  const { model, optimizer, lossKind, pool, threads } = opts;
  const layers = denseWeights(model);
  const oneThread = makeTrainStep(model, optimizer, lossKind);
  const description = describe(layers, opts);
  let run: SharedRun | null = null;
  return (images) => {
    const rows = images.shape[0];
    if (!pool.isReady() || rows < threads * MIN_SLICE_ROWS || rows > opts.maxRows) {
      return oneThread(images);
    }
    // Another step (a benchmark, a new run) may have taken the helpers since the last batch.
    if (run === null || !pool.isCurrent(run)) run = pool.attach(description);
    const current = run;
    shareWeights(current, layers);
    current.layout.images(current.buffer).set(images.dataSync());
    current.start(rows);
    const own = sliceRows(rows, threads)[0];
    return tf.tidy(() => {
      const x = tf.slice(images, [0, 0], [own.end, IMAGE_SIZE]);
      const mine = slicePart(layers, x, own.share, lossKind);
      current.finish();
      const parts = [mine.grads];
      for (let h = 0; h < threads - 1; h++) parts.push(helperPart(current, layers, h));
      optimizer.applyGradients(sumParts(parts));
      const losses = current.layout.losses(current.buffer);
      let helperLoss = 0;
      for (let h = 0; h < threads - 1; h++) helperLoss += losses[h];
      return tf.add<tf.Scalar>(mine.loss, helperLoss);
    });
  };
}
