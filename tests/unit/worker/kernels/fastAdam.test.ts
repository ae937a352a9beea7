import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CPU_ADAM_KERNEL, ourAdam } from '../../../../src/worker/kernels/fastAdam';
import { mulberry32 } from '../../../../src/worker/training/random';
import { kerasAdam } from '../../../../src/worker/kernels/trainStep';
import { useWasmBackend } from '../../support/tfNode';
import { relativeError } from '../../support/relativeError';

const LEARNING_RATE = 0.01;
const SHAPES = [[7, 5], [5], [3, 4, 2]];
const random = mulberry32(11);

const randomValues = (shape: number[]) =>
  tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random() * 2 - 1),
    shape,
  );

let nextSet = 0;

/** Variables with the given starting values, under names unique to this set. */
function variableSet(start: tf.Tensor[]): tf.Variable[] {
  const prefix = `adamTest${nextSet++}`;
  return start.map((t, k) => tf.variable(t.clone(), true, `${prefix}/w${k}`));
}

/** Random gradients for each variable, applied alike to every (optimizer, variables) pair. */
function step(pairs: [tf.Optimizer, tf.Variable[]][], asArray = false): void {
  const grads = SHAPES.map(randomValues);
  for (const [optimizer, vars] of pairs) {
    if (asArray) optimizer.applyGradients(vars.map((v, k) => ({ name: v.name, tensor: grads[k] })));
    else optimizer.applyGradients(Object.fromEntries(vars.map((v, k) => [v.name, grads[k]])));
  }
  tf.dispose(grads);
}

const accBetas = (optimizer: tf.Optimizer) =>
  optimizer as unknown as { accBeta1: tf.Variable; accBeta2: tf.Variable };

/** Same variables, optimizer state and saved weights (names up to the variable-set prefix). */
async function expectSame(
  [ours, ourVars]: [tf.Optimizer, tf.Variable[]],
  [ref, refVars]: [tf.Optimizer, tf.Variable[]],
): Promise<void> {
  ourVars.forEach((v, k) => expect(relativeError(v, refVars[k])).toBeLessThanOrEqual(1e-6));
  expect(relativeError(accBetas(ours).accBeta1, accBetas(ref).accBeta1)).toBeLessThanOrEqual(1e-6);
  expect(relativeError(accBetas(ours).accBeta2, accBetas(ref).accBeta2)).toBeLessThanOrEqual(1e-6);
  const [a, b] = await Promise.all([ours.getWeights(), ref.getWeights()]);
  expect(a.length).toBe(1 + 2 * SHAPES.length);
  expect(a.map((w) => w.name.replace(/^adamTest\d+/, ''))).toEqual(
    b.map((w) => w.name.replace(/^adamTest\d+/, '')),
  );
  a.forEach((w, k) => expect(relativeError(w.tensor, b[k].tensor)).toBeLessThanOrEqual(1e-6));
}

describe('ourAdam', () => {
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => tf.engine().reset());

  describe('on cpu', () => {
    beforeAll(async () => {
      expect(await tf.setBackend('cpu')).toBe(true);
    });

    it('has its kernel registered for cpu', () => {
      expect(tf.getKernel(CPU_ADAM_KERNEL, 'cpu')).toBeDefined();
    });

    it('matches tf.train.adam over five steps, with its own kernel', async () => {
      const start = SHAPES.map(randomValues);
      const ours: [tf.Optimizer, tf.Variable[]] = [ourAdam(LEARNING_RATE), variableSet(start)];
      const ref: [tf.Optimizer, tf.Variable[]] = [kerasAdam(LEARNING_RATE), variableSet(start)];
      const stock = vi.spyOn(tf.AdamOptimizer.prototype, 'applyGradients');
      for (let i = 0; i < 5; i++) step([ours, ref], i === 2);
      // Only the reference ran tfjs's update.
      expect(stock).toHaveBeenCalledTimes(5);
      expect(ours[0].iterations).toBe(5);
      await expectSame(ours, ref);
    });

    it('matches tf.train.adam after setWeights from a saved state', async () => {
      const start = SHAPES.map(randomValues);
      const [first, firstVars] = [ourAdam(LEARNING_RATE), variableSet(start)];
      for (let i = 0; i < 3; i++) step([[first, firstVars]]);
      const saved = await first.getWeights();
      const copy = () => saved.map(({ name, tensor }) => ({ name, tensor: tensor.clone() }));
      const ours: [tf.Optimizer, tf.Variable[]] = [ourAdam(LEARNING_RATE), variableSet(firstVars)];
      const ref: [tf.Optimizer, tf.Variable[]] = [kerasAdam(LEARNING_RATE), variableSet(firstVars)];
      await ours[0].setWeights(copy());
      await ref[0].setWeights(copy());
      for (let i = 0; i < 2; i++) step([ours, ref]);
      expect(ours[0].iterations).toBe(5);
      await expectSame(ours, ref);
    });

    it('leaks no tensors from step to step', () => {
      const optimizer = ourAdam(LEARNING_RATE);
      const vars = variableSet(SHAPES.map(randomValues));
      step([[optimizer, vars]]); // creates the moments
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) {
        step([[optimizer, vars]]);
        expect(tf.memory().numTensors).toBe(before);
      }
      optimizer.dispose();
      expect(tf.memory().numTensors).toBe(before - 2 - 2 * SHAPES.length);
    });
  });

  describe('on wasm', () => {
    beforeAll(useWasmBackend);

    it("defers to tfjs's own update", async () => {
      const start = SHAPES.map(randomValues);
      const ours: [tf.Optimizer, tf.Variable[]] = [ourAdam(LEARNING_RATE), variableSet(start)];
      const ref: [tf.Optimizer, tf.Variable[]] = [kerasAdam(LEARNING_RATE), variableSet(start)];
      const stock = vi.spyOn(tf.AdamOptimizer.prototype, 'applyGradients');
      for (let i = 0; i < 2; i++) step([ours, ref]);
      expect(stock).toHaveBeenCalledTimes(4);
      await expectSame(ours, ref);
    });
  });
});
