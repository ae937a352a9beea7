/**
 * The threaded step's maths, in Node without real workers: the helpers' code runs inline (in
 * the order a real pool would run it) on a real shared buffer, so everything but the waiting is
 * the code the browser runs. It must give the one-thread step's gradients, losses and weights.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LossKind } from '../../../../src/shared/config';
import { autoencoderGradients } from '../../../../src/worker/kernels/backprop';
import { denseWeights, makeTrainStep } from '../../../../src/worker/kernels/trainStep';
import { ourAdam } from '../../../../src/worker/kernels/fastAdam';
import { buildAutoencoder } from '../../../../src/worker/models/model';
import { BatchBuilder } from '../../../../src/worker/training/batches';
import type { ComputePool, SharedRun } from '../../../../src/worker/threads/computePool';
import {
  gradientsPart,
  helperLayers,
  updatePart,
} from '../../../../src/worker/threads/helperServe';
import type { ToHelper } from '../../../../src/worker/threads/helperMessages';
import { HEADER, sharedLayout } from '../../../../src/worker/threads/sharedLayout';
import { slicePart, sumParts } from '../../../../src/worker/threads/sliceGradients';
import { sliceRows } from '../../../../src/worker/threads/slices';
import { makeThreadedStep } from '../../../../src/worker/threads/threadedStep';
import { mnistImages, useWasmBackend } from '../../support/tfNode';
import { relativeError } from '../../support/relativeError';

beforeAll(useWasmBackend);

function maxAbsDifference(a: tf.Tensor, b: tf.Tensor): number {
  const x = a.dataSync() as Float32Array;
  const y = b.dataSync() as Float32Array;
  return x.reduce((worst, v, i) => Math.max(worst, Math.abs(v - y[i])), 0);
}

const SMALL = { ...DEFAULT_CONFIG, hiddenUnits: 64, latentDim: 8 };

/** A pool whose helpers work inline when told to: same buffer, same helper code. */
function inlinePool(helpers: number): ComputePool & { steps: () => number } {
  let current: SharedRun | null = null;
  let steps = 0;
  return {
    helpers,
    ready: Promise.resolve(true),
    isReady: () => true,
    isCurrent: (run) => run === current,
    steps: () => steps,
    attach(description, buffer) {
      const layout = sharedLayout(description);
      const messages: ToHelper[] = Array.from({ length: description.threads - 1 }, (_, index) => ({
        type: 'attach',
        buffer,
        description,
        index,
        generation: 0,
      }));
      const layers = messages.map(helperLayers);
      current = {
        startGradients(rows, step, firstRows) {
          Atomics.store(layout.header(buffer), HEADER.rows, rows);
          Atomics.store(layout.header(buffer), HEADER.step, step);
          Atomics.store(layout.header(buffer), HEADER.firstRows, firstRows);
          Atomics.store(layout.header(buffer), HEADER.done, 0);
          Atomics.store(layout.header(buffer), HEADER.updated, 0);
          messages.forEach((message, i) => gradientsPart(message, layout, layers[i]));
          steps++;
        },
        // Inline helpers are always done first: the training worker's share shrinks each step,
        // so the steps below also check uneven cuts.
        gradientsDone: () => true,
        joinGradients() {
          Atomics.add(layout.header(buffer), HEADER.done, 1);
          expect(Atomics.load(layout.header(buffer), HEADER.done)).toBe(description.threads);
          messages.forEach((message) => updatePart(message, layout));
        },
        waitUpdate: () =>
          expect(Atomics.load(layout.header(buffer), HEADER.updated)).toBe(messages.length),
        abandon: () => undefined,
      };
      return current;
    },
    dispose: () => undefined,
  };
}

describe('gradients of a batch cut into slices', () => {
  it.each([
    [2, 128, 'bce'],
    [3, 128, 'bce'],
    [4, 97, 'bce'],
    [3, 100, 'mse'],
  ] as const)(
    'the weighted parts of %i slices of %i images add up to the whole batch (%s)',
    (parts, rows, lossKind: LossKind) => {
      const model = buildAutoencoder(SMALL);
      const layers = denseWeights(model);
      const images = new BatchBuilder(mnistImages('train', rows), rows).range(0, rows);
      tf.tidy(() => {
        const whole = autoencoderGradients(layers, images, undefined, lossKind);
        const sliced = sliceRows(rows, parts).map((s) =>
          slicePart(
            layers,
            tf.slice(images, [s.start, 0], [s.end - s.start, 784]),
            s.share,
            lossKind,
          ),
        );
        const grads = sumParts(sliced.map((p) => p.grads));
        for (const name of Object.keys(whole.grads)) {
          expect(relativeError(grads[name], whole.grads[name])).toBeLessThan(1e-5);
        }
        const loss = sliced.reduce((sum, p) => sum + p.loss.dataSync()[0], 0);
        expect(loss).toBeCloseTo(whole.loss.dataSync()[0], 6);
      });
      model.dispose();
    },
  );
});

describe('the threaded training step', () => {
  it('trains exactly as the one-thread step: same losses, same weights, one Adam update a step', async () => {
    const data = mnistImages('train', 512);
    const batches = new BatchBuilder(data, 128);
    const run = async (threads: number) => {
      const model = buildAutoencoder(SMALL);
      const optimizer = ourAdam(SMALL.learningRate);
      const pool = inlinePool(threads - 1);
      const step =
        threads === 1
          ? makeTrainStep(model, optimizer, 'bce')
          : makeThreadedStep({ model, optimizer, lossKind: 'bce', pool, threads, maxRows: 128 });
      const losses: number[] = [];
      const weightsAfter: tf.Tensor[][] = [];
      // The last batch is smaller (the last of an epoch often is): shares then differ.
      for (const [start, rows] of [
        [0, 128],
        [128, 128],
        [256, 128],
        [384, 100],
      ]) {
        const loss = tf.tidy(() => step(batches.range(start, rows)));
        losses.push((await loss.data())[0]);
        loss.dispose();
        weightsAfter.push(model.getWeights().map((w) => w.clone()));
      }
      return { model, optimizer, losses, weightsAfter, helperSteps: pool.steps() };
    };
    const one = await run(1);
    const three = await run(3);
    expect(three.helperSteps).toBe(4);
    three.losses.forEach((loss, i) => expect(loss).toBeCloseTo(one.losses[i], 6));
    expect(three.optimizer.iterations).toBe(4);
    // After every step, every weight within 1e-5 of the one-thread run's (they are ~0.1 in size;
    // the sums only differ in the order of float additions).
    one.weightsAfter.forEach((weights, step) =>
      weights.forEach((w, i) =>
        expect(maxAbsDifference(three.weightsAfter[step][i], w)).toBeLessThan(1e-5),
      ),
    );
    tf.dispose([...one.weightsAfter.flat(), ...three.weightsAfter.flat()]);
    // What a checkpoint saves: the step count and Adam's moments, in tfjs's names and order.
    const saved = [await one.optimizer.getWeights(), await three.optimizer.getWeights()];
    // The second model's variables carry tfjs's numbered suffixes; the order is what must agree.
    const names = (weights: (typeof saved)[0]) => weights.map((w) => w.name.replace(/_\d+\//, '/'));
    expect(names(saved[1])).toEqual(names(saved[0]));
    saved[0].forEach((w, i) =>
      expect(maxAbsDifference(saved[1][i].tensor, w.tensor)).toBeLessThan(1e-6),
    );
    for (const r of [one, three]) {
      r.model.dispose();
      r.optimizer.dispose();
    }
  });
});
