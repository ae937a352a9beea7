/**
 * The one error the dataset loader throws. Its message is shown to students as is, so every
 * factory below says in plain words which file is wrong and how.
 */
import type { DataFault } from '../../shared/protocol';

/**
 * Faults a second try can cure. Besides a flaky network, a deploy caught halfway (a new
 * manifest beside old files, or the reverse) can show up as every kind of data fault, and the
 * loader re-reads the manifest on every try. Only a browser that lacks a feature is final.
 */
const RETRYABLE: ReadonlySet<DataFault> = new Set<DataFault>([
  'missing',
  'truncated',
  'checksum',
  'wrong-size',
  'manifest-missing',
  'manifest-malformed',
  'network',
]);

export class DataLoadError extends Error {
  override name = 'DataLoadError';
  readonly file: string;
  readonly fault: DataFault;
  readonly retryable: boolean;

  constructor(file: string, fault: DataFault, message: string, retryable = RETRYABLE.has(fault)) {
    super(message);
    this.file = file;
    this.fault = fault;
    this.retryable = retryable;
  }
}

/** A decoder may throw this when the image is not the size the manifest promised. */
export class DecodedSizeError extends Error {
  override name = 'DecodedSizeError';
  readonly width: number;
  readonly height: number;
  /** What decoding gave, in words: "3920 x 1000 pixels", or "3,920,000 pixels" from a bare length. */
  readonly found: string;

  constructor(width: number, height: number, found = `${width} x ${height} pixels`) {
    super(`The image is ${found}.`);
    this.width = width;
    this.height = height;
    this.found = found;
  }

  /** A decoder gave this many pixels in all, without a width and height. */
  static ofLength(pixels: number): DecodedSizeError {
    return new DecodedSizeError(0, 0, `${pixels.toLocaleString('en-US')} pixels`);
  }
}

const count = (n: number) => n.toLocaleString('en-US');

export const dataErrors = {
  missing: (file: string, how: string) =>
    new DataLoadError(file, 'missing', `${file} is missing: ${how}.`),
  manifestMissing: (file: string, how: string) =>
    new DataLoadError(
      file,
      'manifest-missing',
      `${file} is missing: ${how}. The digit images have not been built or deployed (run "npm run data").`,
    ),
  manifestMalformed: (file: string, problem: string) =>
    new DataLoadError(file, 'manifest-malformed', `${file} is malformed: ${problem}`),
  network: (file: string, reason: string) =>
    new DataLoadError(file, 'network', `${file} could not be downloaded: ${reason}.`),
  truncated: (file: string, received: number, expected: number) =>
    new DataLoadError(
      file,
      'truncated',
      `${file} is incomplete: only ${count(received)} of its ${count(expected)} bytes arrived.`,
    ),
  tooLong: (file: string, expected: number) =>
    new DataLoadError(
      file,
      'checksum',
      `${file} is damaged: it is longer than the ${count(expected)} bytes the manifest lists.`,
    ),
  checksum: (file: string) =>
    new DataLoadError(
      file,
      'checksum',
      `${file} is damaged: its checksum does not match the manifest.`,
    ),
  /** `found` describes what decoding gave, e.g. "3920 x 1000 pixels" or "3,920,000 pixels". */
  wrongSize: (file: string, found: string, width: number, height: number) =>
    new DataLoadError(
      file,
      'wrong-size',
      `${file} has the wrong size: it decoded to ${found}, but the manifest says ${width} x ${height} pixels.`,
    ),
  /** Decoding gave other pixels than the build script packed: retrying would decode them the same. */
  pixelsChanged: (files: string, split: string) =>
    new DataLoadError(
      files,
      'checksum',
      `The ${split} digits in ${files} decoded to different pixels than the manifest expects: this browser changed the pixels while decoding the PNG images.`,
      false,
    ),
  decodeFailed: (file: string, reason: string) =>
    new DataLoadError(
      file,
      'unsupported',
      `${file} downloaded correctly, but this browser could not decode it as a PNG image (${reason}).`,
      // Often a momentary lack of memory, so a second try is worth offering.
      true,
    ),
};
