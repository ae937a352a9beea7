/**
 * Tensors' floats moved between shared memory and the WebAssembly backend's own memory without
 * the JavaScript copies of dataSync() and of slice(). Those copies are fresh ArrayBuffers of
 * ~0.4 MB, several a step on every thread, and in one renderer process their page faults hold
 * the threads up: measured in Chromium here, 36,000 faults a second with two threads against
 * 4,000 with one, and each thread's half of the batch took as long as the whole batch alone.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

function wasmBackend(): BackendWasm | null {
  return tf.getBackend() === 'wasm' ? (tf.backend() as BackendWasm) : null;
}

/** Copies the tensor's floats into `target` at `offset`. */
export function copyOut(tensor: tf.Tensor, target: Float32Array, offset = 0): void {
  const backend = wasmBackend();
  if (backend === null || tensor.dtype !== 'float32') {
    target.set(tensor.dataSync(), offset);
    return;
  }
  // A view of the backend's memory, used at once: the memory may move when tfjs next allocates.
  const { memoryOffset } = backend.dataIdMap.get(tensor.dataId);
  target.set(new Float32Array(backend.wasm.HEAPU8.buffer, memoryOffset, tensor.size), offset);
}

/**
 * A tensor of `values` (a view of shared memory, say) that does not change when they do. On wasm
 * tf.tensor() copies a view straight into the backend's memory; other backends keep the array
 * they are given, so they are given a copy.
 */
export function tensorOf<R extends tf.Rank>(
  values: Float32Array,
  shape: tf.ShapeMap[R],
): tf.Tensor<R> {
  return tf.tensor(wasmBackend() === null ? values.slice() : values, shape);
}

/**
 * Gives `variable` the floats of `values` as a new tensor. Not written into the variable's memory
 * in place: the wasm backend's matrix products keep their own packed copy of a weight matrix,
 * looked up by the tensor's id, so the same id with new values would multiply by the old ones.
 */
export function copyIn(variable: tf.Variable, values: Float32Array): void {
  if (values.length !== variable.size) {
    throw new Error(`${values.length} values for ${variable.name}, which holds ${variable.size}`);
  }
  tf.tidy(() => variable.assign(tensorOf(values, variable.shape)));
}
