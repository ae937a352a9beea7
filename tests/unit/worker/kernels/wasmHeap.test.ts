/**
 * Moving floats between shared memory and tfjs without JavaScript copies (wasmHeap.ts): the
 * values arrive intact, a tensor made from a view does not change when the view does, and a
 * weight matrix given new values is multiplied by the new ones (the wasm backend caches a packed
 * copy of each weight matrix by tensor id, so writing in place would keep the old product).
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { copyIn, copyOut, tensorOf } from '../../../../src/worker/kernels/wasmHeap';
import { useWasmBackend } from '../../support/tfNode';

const sequence = (n: number, scale = 1) => Float32Array.from({ length: n }, (_, i) => i * scale);

describe.each(['wasm', 'cpu'])('on %s', (backend) => {
  let previous = '';
  it('starts the backend', async () => {
    previous = tf.getBackend();
    if (backend === 'wasm') await useWasmBackend();
    else await tf.setBackend('cpu');
    expect(tf.getBackend()).toBe(backend);
  });

  it('copies a tensor out at an offset, value for value', () => {
    const t = tf.tensor2d(sequence(12, 0.5), [3, 4]);
    const target = new Float32Array(new SharedArrayBuffer(4 * 20));
    copyOut(t, target, 5);
    expect(Array.from(target.subarray(5, 17))).toEqual(Array.from(sequence(12, 0.5)));
    expect(target[4]).toBe(0);
    expect(target[17]).toBe(0);
    t.dispose();
  });

  it('makes tensors that keep their values when the shared memory changes', () => {
    const shared = new Float32Array(new SharedArrayBuffer(4 * 6));
    shared.set(sequence(6));
    const t = tensorOf<tf.Rank.R2>(shared.subarray(0, 6), [2, 3]);
    shared.fill(-1);
    expect(Array.from(t.dataSync())).toEqual(Array.from(sequence(6)));
    t.dispose();
  });

  it('gives a weight matrix new values that the next product uses', () => {
    const x = tf.ones([2, 3]);
    const w = tf.variable(tf.ones([3, 2]), false, `wasmHeap_${backend}`);
    const before = tf.matMul(x, w);
    expect(Array.from(before.dataSync())).toEqual([3, 3, 3, 3]);
    const shared = new Float32Array(new SharedArrayBuffer(4 * 6));
    shared.fill(2);
    copyIn(w, shared);
    shared.fill(100);
    const after = tf.matMul(x, w);
    expect(Array.from(after.dataSync())).toEqual([6, 6, 6, 6]);
    tf.dispose([x, w, before, after]);
  });

  it('refuses values of the wrong size', () => {
    const w = tf.variable(tf.zeros([2, 2]), false, `wasmHeap_size_${backend}`);
    expect(() => copyIn(w, new Float32Array(3))).toThrow(/3 values for .* which holds 4/);
    w.dispose();
  });

  afterAll(async () => {
    if (previous) await tf.setBackend(previous);
  });
});
