/**
 * Turns decoded MNIST splits into the files the app serves (PNG sprite sheets, raw label
 * bytes) and the manifest describing them. Pure apart from CPU time: no disk, so tests can
 * build a small dataset in memory and serve it to the worker's loader.
 */
import { IMAGE_SIDE, IMAGE_SIZE } from '../../src/shared/config';
import {
  MANIFEST_FORMAT,
  MNIST_CREDIT,
  type FileEntry,
  type MnistManifest,
  type SplitEntry,
  type SplitName,
} from '../../src/shared/manifest';
import {
  CHECK_BLOCK_BYTES,
  checkBlocks,
  labelsFileName,
  packSheet,
  planSheets,
  sheetFileName,
} from '../../src/shared/sprites';
import { encodeGrayPng } from './encodePng';
import type { SplitSource } from './mnistSource';
import { sha256Hex } from './sha256';

/** Bump when the files this produces change, so existing outputs are rebuilt. */
export const GENERATOR = 'latent-lab/build-mnist-sprites@5';

export interface BuiltFile {
  file: string;
  bytes: Uint8Array;
}

export interface BuildOptions {
  inputs: FileEntry[];
  /** Fewer images per sheet than the real 10,000 let tests get several sheets from few images. */
  imagesPerSheet?: number;
}

function fileEntry(file: string, bytes: Uint8Array): FileEntry {
  return { file, bytes: bytes.length, sha256: sha256Hex(bytes) };
}

function buildSplit(
  name: SplitName,
  source: SplitSource,
  imagesPerSheet: number | undefined,
  files: BuiltFile[],
): SplitEntry {
  const sheets = planSheets(source.count, imagesPerSheet).map((plan, index) => {
    const file = sheetFileName(name, index);
    const bytes = encodeGrayPng(packSheet(source.pixels, plan), plan.width, plan.height);
    files.push({ file, bytes });
    const start = plan.firstIndex * IMAGE_SIZE;
    const pixels = source.pixels.subarray(start, start + plan.images * IMAGE_SIZE);
    const blockSha256 = Array.from({ length: checkBlocks(plan.images) }, (_, block) =>
      sha256Hex(pixels.subarray(block * CHECK_BLOCK_BYTES, (block + 1) * CHECK_BLOCK_BYTES)),
    );
    return { ...fileEntry(file, bytes), ...plan, pixelsSha256: sha256Hex(pixels), blockSha256 };
  });
  const labelsFile = labelsFileName(name);
  files.push({ file: labelsFile, bytes: source.labels });
  return {
    count: source.count,
    pixelsSha256: sha256Hex(source.pixels),
    labels: { ...fileEntry(labelsFile, source.labels), images: source.count },
    sheets,
  };
}

export function buildMnistFiles(
  splits: Record<SplitName, SplitSource>,
  options: BuildOptions,
): { files: BuiltFile[]; manifest: MnistManifest } {
  const files: BuiltFile[] = [];
  const build = (name: SplitName) => buildSplit(name, splits[name], options.imagesPerSheet, files);
  // Train first, then test: the order files are listed and written in.
  const train = build('train');
  const test = build('test');
  const manifest: MnistManifest = {
    format: MANIFEST_FORMAT,
    credit: { ...MNIST_CREDIT },
    generator: GENERATOR,
    inputs: options.inputs,
    imageSide: IMAGE_SIDE,
    splits: { train, test },
  };
  return { files, manifest };
}
