/**
 * The training step on several threads. The batch is cut into slices (slices.ts): the helpers
 * compute theirs from shared memory while this worker computes the first, whose size follows the
 * helpers' pace (rowBalance.ts); once every thread's weighted gradients are in, each applies Adam
 * to its range of the parameters, from the sum of all the parts. The maths is the one-thread
 * step's (same batch, same mean loss, one Adam update per batch), only the work is shared. The
 * model gets the new weights after each step, so predict, save and the latent views read them as
 * before (sharedState.ts). Nothing here makes a fresh JavaScript array per step (wasmHeap.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { IMAGE_SIZE, type LossKind } from '../../shared/config';
import type { DenseWeights } from '../kernels/backprop';
import { OurAdam } from '../kernels/fastAdam';
import { denseWeights, makeTrainStep, type TrainStepFn } from '../kernels/trainStep';
import { copyOut } from '../kernels/wasmHeap';
import type { ComputePool, SharedRun } from './computePool';
import { adamRange } from './sharedAdam';
import { sharedLayout, type SharedDescription } from './sharedLayout';
import {
  momentsFromShared,
  momentsToShared,
  paramSpans,
  weightsFromShared,
  weightsToShared,
} from './sharedState';
import { slicePart } from './sliceGradients';
import { RowBalance } from './rowBalance';
import { sliceBatch, sliceRows } from './slices';

export interface ThreadedStepOptions {
  model: tfl.LayersModel;
  optimizer: tf.Optimizer;
  lossKind: LossKind;
  pool: ComputePool;
  /** Threads in all, this worker included. */
  threads: number;
  maxRows: number;
}

function describe(
  layers: readonly DenseWeights[],
  optimizer: OurAdam,
  opts: ThreadedStepOptions,
): SharedDescription {
  return {
    layers: layers.map((layer) => {
      const [inputs, units] = layer.kernel.shape;
      if (units === undefined) throw new Error(`${layer.kernel.name} is not a matrix`);
      return { inputs, units, activation: layer.activation };
    }),
    lossKind: opts.lossKind,
    adam: optimizer.settings(),
    maxRows: opts.maxRows,
    threads: opts.threads,
  };
}

export function makeThreadedStep(opts: ThreadedStepOptions): TrainStepFn {
  const { model, optimizer, lossKind, pool, threads } = opts;
  const oneThread = makeTrainStep(model, optimizer, lossKind);
  // The shared update needs our Adam (its settings, its moments); anything else trains alone.
  if (!(optimizer instanceof OurAdam)) return oneThread;
  const layers = denseWeights(model);
  const description = describe(layers, optimizer, opts);
  const layout = sharedLayout(description);
  const spans = paramSpans(layers, layout);
  const ranges = sliceRows(layout.params, threads);
  let buffer: SharedArrayBuffer | null = null;
  let run: SharedRun | null = null;
  /** The weights' data as we last wrote them: anything else means they were changed under us. */
  let written: readonly tf.DataId[] = [];
  const balance = new RowBalance(threads);

  const takeState = (shared: SharedArrayBuffer) => {
    weightsToShared(spans, layout.weights(shared));
    momentsToShared(spans, optimizer, layout, shared);
    optimizer.lendState(() => momentsFromShared(spans, optimizer, layout, shared));
  };

  return (images) => {
    const rows = images.shape[0];
    // Until the helpers are up (a few hundred ms at the start), the same maths on one thread.
    if (!pool.isReady()) return oneThread(images);
    if (rows > opts.maxRows) throw new Error(`a batch of ${rows} images is over ${opts.maxRows}`);
    if (buffer === null) {
      buffer = new SharedArrayBuffer(layout.bytes);
      takeState(buffer);
    } else if (spans.some((span, i) => span.variable.dataId !== written[i])) {
      weightsToShared(spans, layout.weights(buffer));
    }
    const shared = buffer;
    // Another step (a benchmark, a new run) may have taken the helpers since the last batch.
    if (run === null || !pool.isCurrent(run)) run = pool.attach(description, shared);
    const current = run;
    copyOut(images, layout.images(shared));
    const step = optimizer.iterations + 1;
    const firstRows = balance.firstRows(rows);
    current.startGradients(rows, step, firstRows);
    const own = sliceBatch(rows, threads, firstRows)[0];
    let loss: tf.Scalar;
    try {
      loss = tf.tidy(() => {
        const x = tf.slice(images, [0, 0], [own.end, IMAGE_SIZE]);
        const mine = slicePart(layers, x, own.share, lossKind);
        const grads = layout.grads(shared, 0);
        for (const { variable, offset } of spans) copyOut(mine.grads[variable.name], grads, offset);
        return mine.loss;
      });
    } catch (err) {
      current.abandon();
      throw err;
    }
    const helpersWereDone = current.gradientsDone();
    const waitStart = performance.now();
    current.joinGradients();
    balance.record(helpersWereDone, performance.now() - waitStart, rows);
    adamRange(description, layout, shared, ranges[0], step);
    current.waitUpdate();
    optimizer.countStep();
    weightsFromShared(spans, layout.weights(shared));
    written = spans.map((span) => span.variable.dataId);
    const losses = layout.losses(shared);
    let helperLoss = 0;
    for (let t = 1; t < threads; t++) helperLoss += losses[t];
    return tf.tidy(() => {
      const total = tf.add<tf.Scalar>(loss, helperLoss);
      loss.dispose();
      return total;
    });
  };
}
