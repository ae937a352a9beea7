/**
 * Writes 8-bit grayscale PNGs that are byte-for-byte reproducible and that browsers decode to
 * exactly the stored values.
 */
import { PNG } from 'pngjs';

export function encodeGrayPng(gray: Uint8Array, width: number, height: number): Buffer {
  if (gray.length !== width * height) {
    throw new RangeError(
      `Expected ${width * height} gray bytes for ${width}x${height}, got ${gray.length}.`,
    );
  }
  // pngjs writes a gAMA chunk only when `gamma` is set, and never an ICC profile or a
  // timestamp: with neither, browsers have nothing to colour-convert and the bytes depend
  // only on the pixels and the fixed deflate settings below.
  const png = new PNG({ width: 0, height: 0 });
  png.width = width;
  png.height = height;
  png.data = Buffer.from(gray.buffer, gray.byteOffset, gray.byteLength);
  png.gamma = 0;
  return PNG.sync.write(png, {
    colorType: 0,
    inputColorType: 0,
    bitDepth: 8,
    // Fixed, not defaults that could change with pngjs. Both choices are for the student's
    // wait before Train, measured on a 2800 x 2800 sheet:
    // - no row filter (0): 11% smaller than adaptive filters (1.65 vs 1.86 MB a sheet), and
    //   the worker's decoder (src/worker/decode/grayPng.ts) then only copies rows instead of undoing
    //   7.8 million Paeth predictions;
    // - level 9 with the default strategy (0): the same size as the RLE strategy, but its
    //   long matches inflate 3.5x faster (12 vs 41 ms in Node). It costs ~2 s a sheet to
    //   compress, once, at build time.
    deflateLevel: 9,
    deflateStrategy: 0,
    filterType: 0,
  });
}
