/**
 * manifest.json, written by scripts/build-mnist-sprites.ts next to the sprite sheets and read
 * by the worker before it downloads anything. It names every file with its size and SHA-256
 * so the worker can verify what arrives and say exactly which file is wrong.
 */
import { IMAGE_SIDE } from './config';
import type { DatasetCredit } from './progress';
import {
  IMAGES_PER_CHECK_BLOCK,
  IMAGES_PER_ROW,
  MAX_IMAGES_PER_SHEET,
  MAX_SHEET_SIDE,
  SHEET_WIDTH,
  checkBlocks,
  sheetRows,
} from './sprites';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 3;
export const SPLIT_NAMES = ['train', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** MNIST's terms ask for this credit wherever the data is shown. */
export const MNIST_CREDIT: Readonly<DatasetCredit> = Object.freeze({
  name: 'MNIST',
  authors: 'Yann LeCun and Corinna Cortes',
  license: 'CC BY-SA 3.0',
  licenseUrl: 'https://creativecommons.org/licenses/by-sa/3.0/',
  sourceUrl: 'http://yann.lecun.com/exdb/mnist/',
});

export interface FileEntry {
  /** A bare file name, resolved against the manifest's folder. */
  file: string;
  bytes: number;
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
}

/** Raw uint8 labels, one byte per image, no header. */
export interface LabelsEntry extends FileEntry {
  images: number;
}

export interface SheetEntry extends FileEntry {
  images: number;
  /**
   * Hex SHA-256 of the pixels of the sheet's images in IDX order (image firstIndex first, each
   * row-major 28x28): what the first images * 784 bytes of the decoded sheet must be.
   */
  pixelsSha256: string;
  /**
   * The same pixels' SHA-256 block by block (IMAGES_PER_CHECK_BLOCK images each, the last may
   * hold fewer): what the worker checks, since hashing blocks is much cheaper (sprites.ts).
   */
  blockSha256: string[];
  firstIndex: number;
  /** Images side by side in a row of the PNG, each one 784-pixel strip (sprites.ts). */
  imagesPerRow: number;
  width: number;
  height: number;
}

export interface SplitEntry {
  count: number;
  /** Hex SHA-256 of all the split's pixels in IDX order (image i row-major 28x28, back to back). */
  pixelsSha256: string;
  labels: LabelsEntry;
  sheets: SheetEntry[];
}

export interface MnistManifest {
  format: typeof MANIFEST_FORMAT;
  credit: DatasetCredit;
  /** Which generator (and version) wrote the files; the build script rebuilds when it changes. */
  generator: string;
  /** The IDX files the sheets were made from, so the build script can tell when it is stale. */
  inputs: FileEntry[];
  /** Each image is imageSide x imageSide pixels. */
  imageSide: typeof IMAGE_SIDE;
  splits: Record<SplitName, SplitEntry>;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

// ---------- small checkers: each returns the typed value or throws with the JSON path ----------

type JsonObject = Record<string, unknown>;

function fail(path: string, problem: string): never {
  throw new ManifestError(`${path} ${problem}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function object(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, `must be an object, got ${describe(value)}.`);
  }
  return value as JsonObject;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `must be an array, got ${describe(value)}.`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, `must be a non-empty string, got ${describe(value)}.`);
  }
  return value;
}

function integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `must be a whole number from ${min} to ${max}, got ${describe(value)}.`);
  }
  return value;
}

function exactly<T>(value: unknown, path: string, expected: T): T {
  if (value !== expected) fail(path, `must be ${describe(expected)}, got ${describe(value)}.`);
  return expected;
}

function sha256(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
    fail(path, `must be a SHA-256 as 64 lowercase hex digits, got ${describe(value)}.`);
  }
  return value;
}

/**
 * File names are resolved against the data folder's URL, so anything that could climb out of
 * it or point elsewhere ("../", "/", "https:") is rejected.
 */
function fileName(value: unknown, path: string, extension: string): string {
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9_-]*(\.[a-z0-9]+)*$/.test(value)) {
    fail(path, `must be a plain file name like "train-00${extension}", got ${describe(value)}.`);
  }
  if (!value.endsWith(extension))
    fail(path, `must end with "${extension}", got ${describe(value)}.`);
  return value;
}

// ---------- the manifest's parts ----------

function fileEntry(value: unknown, path: string, extension: string): FileEntry {
  const o = object(value, path);
  return {
    file: fileName(o.file, `${path}.file`, extension),
    bytes: integer(o.bytes, `${path}.bytes`, 1),
    sha256: sha256(o.sha256, `${path}.sha256`),
  };
}

function credit(value: unknown, path: string): DatasetCredit {
  const o = object(value, path);
  return {
    name: text(o.name, `${path}.name`),
    authors: text(o.authors, `${path}.authors`),
    license: text(o.license, `${path}.license`),
    licenseUrl: text(o.licenseUrl, `${path}.licenseUrl`),
    sourceUrl: text(o.sourceUrl, `${path}.sourceUrl`),
  };
}

function blockDigests(value: unknown, path: string, blocks: number): string[] {
  const digests = array(value, path);
  if (digests.length !== blocks) {
    fail(
      path,
      `must list ${blocks} SHA-256s, one per ${IMAGES_PER_CHECK_BLOCK} images, got ${digests.length}.`,
    );
  }
  return digests.map((digest, i) => sha256(digest, `${path}[${i}]`));
}

function sheet(value: unknown, path: string, firstIndex: number): SheetEntry {
  const o = object(value, path);
  const images = integer(o.images, `${path}.images`, 1, MAX_IMAGES_PER_SHEET);
  const imagesPerRow = exactly(o.imagesPerRow, `${path}.imagesPerRow`, IMAGES_PER_ROW);
  const width = exactly(o.width, `${path}.width`, SHEET_WIDTH);
  const height = exactly(o.height, `${path}.height`, sheetRows(images));
  if (width > MAX_SHEET_SIDE || height > MAX_SHEET_SIDE) {
    fail(path, `is ${width} x ${height} px; no side may exceed ${MAX_SHEET_SIDE}.`);
  }
  return {
    ...fileEntry(o, path, '.png'),
    images,
    pixelsSha256: sha256(o.pixelsSha256, `${path}.pixelsSha256`),
    blockSha256: blockDigests(o.blockSha256, `${path}.blockSha256`, checkBlocks(images)),
    // Sheets must tile the split in order with no gap or overlap.
    firstIndex: exactly(o.firstIndex, `${path}.firstIndex`, firstIndex),
    imagesPerRow,
    width,
    height,
  };
}

function split(value: unknown, path: string): SplitEntry {
  const o = object(value, path);
  const count = integer(o.count, `${path}.count`, 1);
  const labelsObject = object(o.labels, `${path}.labels`);
  const labels: LabelsEntry = {
    ...fileEntry(labelsObject, `${path}.labels`, '.u8'),
    images: exactly(labelsObject.images, `${path}.labels.images`, count),
  };
  // One byte per label, no header.
  exactly(labels.bytes, `${path}.labels.bytes`, count);

  const sheetValues = array(o.sheets, `${path}.sheets`);
  if (sheetValues.length === 0) fail(`${path}.sheets`, 'must list at least one sheet.');
  const sheets: SheetEntry[] = [];
  let next = 0;
  sheetValues.forEach((value, i) => {
    const entry = sheet(value, `${path}.sheets[${i}]`, next);
    // Equal sheets (bar the last) let the worker find image i's sheet by one division.
    if (i > 0 && i < sheetValues.length - 1) {
      exactly(entry.images, `${path}.sheets[${i}].images`, sheets[0].images);
    }
    if (i > 0 && entry.images > sheets[0].images) {
      fail(
        `${path}.sheets[${i}].images`,
        `must be at most ${sheets[0].images}, as many as the first sheet holds.`,
      );
    }
    sheets.push(entry);
    next += entry.images;
  });
  if (next !== count) {
    fail(`${path}.sheets`, `hold ${next} images in all, but ${path}.count is ${count}.`);
  }
  return { count, pixelsSha256: sha256(o.pixelsSha256, `${path}.pixelsSha256`), labels, sheets };
}

/**
 * Checks an already JSON-parsed manifest and returns a clean copy holding only known fields.
 * Throws ManifestError naming the first field that is wrong and why.
 */
export function parseManifest(json: unknown): MnistManifest {
  const root = object(json, 'manifest');
  const format = root.format;
  if (format !== MANIFEST_FORMAT) {
    fail(
      'manifest.format',
      `must be ${MANIFEST_FORMAT} (the format this app reads), got ${describe(format)}.`,
    );
  }
  const splitsObject = object(root.splits, 'manifest.splits');
  const manifest: MnistManifest = {
    format: MANIFEST_FORMAT,
    credit: credit(root.credit, 'manifest.credit'),
    generator: text(root.generator, 'manifest.generator'),
    inputs: array(root.inputs, 'manifest.inputs').map((value, i) =>
      fileEntry(value, `manifest.inputs[${i}]`, '-ubyte'),
    ),
    imageSide: exactly(root.imageSide, 'manifest.imageSide', IMAGE_SIDE),
    splits: {
      train: split(splitsObject.train, 'manifest.splits.train'),
      test: split(splitsObject.test, 'manifest.splits.test'),
    },
  };

  const seen = new Set<string>();
  for (const entry of manifestFiles(manifest)) {
    if (seen.has(entry.file)) fail('manifest', `names the file "${entry.file}" twice.`);
    seen.add(entry.file);
  }
  return manifest;
}

/** Every file the worker downloads: each split's sheets, then its labels. */
export function manifestFiles(manifest: MnistManifest): FileEntry[] {
  return SPLIT_NAMES.flatMap((name) => {
    const entry = manifest.splits[name];
    return [...entry.sheets, entry.labels];
  });
}
