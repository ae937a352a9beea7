/** A helper's warm-up steps (helperWarmUp.ts) run the real step and leave nothing behind. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { warmUpHelper } from '../../../../src/worker/threads/helperWarmUp';
import { useWasmBackend } from '../../support/tfNode';

beforeAll(useWasmBackend);

it('runs the step on blank rows and keeps no tensor or variable', () => {
  const before = tf.memory().numTensors;
  const variables = Object.keys(tf.engine().registeredVariables).length;
  warmUpHelper();
  warmUpHelper(); // twice: the variables' names must not clash
  expect(tf.memory().numTensors).toBe(before);
  expect(Object.keys(tf.engine().registeredVariables)).toHaveLength(variables);
});
