/**
 * The run's state while it trains threaded: the weights and Adam's moments live in shared memory,
 * where every thread updates its range. The model and the optimizer stay the source the rest of
 * the app reads: the model gets the new weights after every step (a copy of ~0.8 MB), and the
 * optimizer gets the moments whenever it is read (a checkpoint), through OurAdam.lendState.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { DenseWeights } from '../kernels/backprop';
import type { OurAdam } from '../kernels/fastAdam';
import { copyIn, copyOut } from '../kernels/wasmHeap';
import type { SharedLayout } from './sharedLayout';

/** Where each variable sits in a block of parameters, in the order gradients come in. */
export interface ParamSpan {
  variable: tf.Variable;
  offset: number;
  size: number;
}

/**
 * The spans in the order of autoencoderGradients (last layer first, kernel then bias): the order
 * tfjs's Adam numbers its moments, which a checkpoint saves them by.
 */
export function paramSpans(layers: readonly DenseWeights[], layout: SharedLayout): ParamSpan[] {
  return layers
    .map((layer, i) => [
      { variable: layer.kernel, offset: layout.offsets[i].kernel, size: layer.kernel.size },
      { variable: layer.bias, offset: layout.offsets[i].bias, size: layer.bias.size },
    ])
    .reverse()
    .flat();
}

export function weightsToShared(spans: readonly ParamSpan[], weights: Float32Array): void {
  for (const { variable, offset } of spans) copyOut(variable, weights, offset);
}

export function weightsFromShared(spans: readonly ParamSpan[], weights: Float32Array): void {
  for (const { variable, offset, size } of spans) {
    copyIn(variable, weights.subarray(offset, offset + size));
  }
}

/** The optimizer's moments (zero before its first step) into shared memory. */
export function momentsToShared(
  spans: readonly ParamSpan[],
  optimizer: OurAdam,
  layout: SharedLayout,
  buffer: SharedArrayBuffer,
): void {
  const first = layout.firstMoment(buffer);
  const second = layout.secondMoment(buffer);
  const moments = optimizer.readMoments(spans.map((s) => s.variable.name));
  if (moments === null) {
    first.fill(0);
    second.fill(0);
    return;
  }
  spans.forEach(({ offset }, i) => {
    first.set(moments[i].m, offset);
    second.set(moments[i].v, offset);
  });
}

export function momentsFromShared(
  spans: readonly ParamSpan[],
  optimizer: OurAdam,
  layout: SharedLayout,
  buffer: SharedArrayBuffer,
): void {
  const first = layout.firstMoment(buffer);
  const second = layout.secondMoment(buffer);
  optimizer.writeMoments(
    spans.map((s) => s.variable.name),
    // Views, not copies: writeMoments makes tensors of them (tensorOf copies where it must).
    spans.map(({ offset, size }) => ({
      m: first.subarray(offset, offset + size),
      v: second.subarray(offset, offset + size),
    })),
  );
}
