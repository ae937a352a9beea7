/**
 * A sprite sheet turned into what the loader keeps: its images' pixels in IDX order, and their
 * SHA-256s (one per block of 1,000 images) to check against the manifest. Done where the sheet
 * is decoded (a helper worker), so hashing runs beside the next download instead of one after
 * another at the end.
 */
import { CHECK_BLOCK_BYTES, sheetImages, type SheetPlan } from '../../shared/sprites';
import { DecodedSizeError } from '../data/dataLoadError';
import type { SheetDecoder } from './decodeSheet';
import { sha256Blocks } from '../data/sha256';

/** How a sheet's images lie: everything of its manifest entry but where its images go. */
export type SheetLayout = Omit<SheetPlan, 'firstIndex'>;

export interface SheetPixels {
  /**
   * layout.images * 784 bytes: the sheet's first image at 0, each row-major 28x28. A view of
   * the decoded sheet, whose buffer may be a little longer.
   */
  pixels: Uint8Array<ArrayBuffer>;
  /** Lowercase hex SHA-256 of each CHECK_BLOCK_BYTES-long block of `pixels`. */
  blockSha256: string[];
}

/** Decodes and hashes one sheet. */
export type SheetReader = (
  png: Uint8Array<ArrayBuffer>,
  layout: SheetLayout,
) => Promise<SheetPixels>;

export function sheetReader(decode: SheetDecoder): SheetReader {
  return async (png, layout) => {
    const gray = await decode(png, layout.width, layout.height);
    if (gray.length !== layout.width * layout.height) throw DecodedSizeError.ofLength(gray.length);
    // The sheet's rows hold its images back to back: its first pixels are the images.
    const pixels = sheetImages(gray, layout);
    return { pixels, blockSha256: await sha256Blocks(pixels, CHECK_BLOCK_BYTES) };
  };
}

/** The layout part of a manifest entry, which is all a helper worker needs to be sent. */
export function layoutOf(sheet: SheetPlan): SheetLayout {
  const { images, imagesPerRow, width, height } = sheet;
  return { images, imagesPerRow, width, height };
}
