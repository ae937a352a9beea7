/**
 * A sprite sheet turned into what the loader keeps: its images' pixels in IDX order, and their
 * SHA-256 to check against the manifest. Done where the sheet is decoded (a helper worker), so
 * unpacking and hashing run beside the next download instead of one after another at the end:
 * hashing the 47 MB of training pixels in one piece once the last sheet was in took ~200 ms,
 * all of it spent waiting for the digits.
 */
import { IMAGE_SIZE } from '../shared/config';
import { unpackSheet, type SheetPlan } from '../shared/sprites';
import { DecodedSizeError } from './dataLoadError';
import type { SheetDecoder } from './decodeSheet';
import { sha256Hex } from './sha256';

/** How a sheet's tiles lie: everything of its manifest entry but where its images go. */
export type SheetLayout = Omit<SheetPlan, 'firstIndex'>;

export interface SheetPixels {
  /** layout.images * 784 bytes: the sheet's first image at 0, each row-major 28x28. */
  pixels: Uint8Array<ArrayBuffer>;
  /** Lowercase hex SHA-256 of `pixels`. */
  sha256: string;
}

/** Decodes, unpacks and hashes one sheet. */
export type SheetReader = (
  png: Uint8Array<ArrayBuffer>,
  layout: SheetLayout,
) => Promise<SheetPixels>;

export function sheetReader(decode: SheetDecoder): SheetReader {
  return async (png, layout) => {
    const gray = await decode(png, layout.width, layout.height);
    if (gray.length !== layout.width * layout.height) throw DecodedSizeError.ofLength(gray.length);
    const pixels = new Uint8Array(layout.images * IMAGE_SIZE);
    unpackSheet(gray, { ...layout, firstIndex: 0 }, pixels);
    return { pixels, sha256: await sha256Hex(pixels) };
  };
}

/** The layout part of a manifest entry, which is all a helper worker needs to be sent. */
export function layoutOf(sheet: SheetPlan): SheetLayout {
  const { images, columns, rows, width, height } = sheet;
  return { images, columns, rows, width, height };
}
