/**
 * How MNIST digits are laid out in sprite sheets: each image is one 784-pixel strip (its 28
 * rows of 28 pixels back to back, as in the IDX file), five strips make a row of the PNG, and a
 * sheet holds at most 10,000 images (3920 x 2000 px). So a sheet's decoded pixels are already
 * its images in IDX order: the loader hands them on as they are, with no tile to cut out.
 *
 * This is the layout of the TensorFlow.js MNIST example's sprite (one image per row), folded
 * five to a row so no side passes 4096 px. It also compresses better than a grid of 28x28
 * tiles (1.61 against 1.65 MB a sheet): deflate sees the bytes in the order the digits were
 * written. The build script packs sheets with these functions and the worker reads them with
 * the same ones, so the two sides cannot disagree about the layout.
 */
import { IMAGE_SIZE } from './config';

export const IMAGES_PER_ROW = 5;
/** 5 x 784 = 3920 px: 6 sheets of 2000 rows hold the 60,000 training digits, 1 the test digits. */
export const SHEET_WIDTH = IMAGES_PER_ROW * IMAGE_SIZE;
export const MAX_IMAGES_PER_SHEET = 10_000;
/**
 * The worker checks a decoded sheet block by block: 1,000 images (784,000 bytes) to a SHA-256.
 * Web Crypto copies what it hashes, and in Chromium a copy of more than about a megabyte takes
 * memory fresh from the system each time: hashing a whole 7.8 MB sheet cost ~30 ms, the same
 * bytes in blocks ~6 ms.
 */
export const IMAGES_PER_CHECK_BLOCK = 1_000;
export const CHECK_BLOCK_BYTES = IMAGES_PER_CHECK_BLOCK * IMAGE_SIZE;

/** How many check blocks a sheet of `images` has (the last may be shorter). */
export function checkBlocks(images: number): number {
  return Math.ceil(images / IMAGES_PER_CHECK_BLOCK);
}
/**
 * The largest side we allow. 4096 is the smallest maximum texture / canvas side that common
 * GPUs and browsers guarantee, so a sheet never has to be split to be drawn or uploaded.
 */
export const MAX_SHEET_SIDE = 4096;

export interface SheetPlan {
  /** Index, within its split, of the sheet's first image. */
  firstIndex: number;
  images: number;
  imagesPerRow: number;
  /** Pixels: always SHEET_WIDTH, even for a partial last row, which is padded with zeros. */
  width: number;
  /** Pixels: one per row of images. */
  height: number;
}

/** Rows a sheet of `images` needs. */
export function sheetRows(images: number): number {
  return Math.ceil(images / IMAGES_PER_ROW);
}

/**
 * Splits `imageCount` images into sheets of `imagesPerSheet` (the last may be partial).
 * A smaller `imagesPerSheet` lets tests exercise several sheets with a few hundred images.
 */
export function planSheets(imageCount: number, imagesPerSheet = MAX_IMAGES_PER_SHEET): SheetPlan[] {
  if (!Number.isInteger(imageCount) || imageCount < 0) {
    throw new RangeError(`imageCount must be a whole number >= 0, got ${imageCount}.`);
  }
  if (
    !Number.isInteger(imagesPerSheet) ||
    imagesPerSheet < 1 ||
    imagesPerSheet > MAX_IMAGES_PER_SHEET
  ) {
    throw new RangeError(
      `imagesPerSheet must be a whole number from 1 to ${MAX_IMAGES_PER_SHEET}, got ${imagesPerSheet}.`,
    );
  }
  const sheets: SheetPlan[] = [];
  for (let firstIndex = 0; firstIndex < imageCount; firstIndex += imagesPerSheet) {
    const images = Math.min(imagesPerSheet, imageCount - firstIndex);
    sheets.push({
      firstIndex,
      images,
      imagesPerRow: IMAGES_PER_ROW,
      width: SHEET_WIDTH,
      height: sheetRows(images),
    });
  }
  return sheets;
}

/** File names are fixed by split and position so the manifest, not a listing, drives fetching. */
export function sheetFileName(split: string, sheetIndex: number): string {
  return `${split}-${String(sheetIndex).padStart(2, '0')}.png`;
}

export function labelsFileName(split: string): string {
  return `${split}-labels.u8`;
}

/**
 * A sheet's width x height gray pixels. `pixels` holds the whole split in IDX order (image i
 * at i * 784); the strips after a partial sheet's last image stay 0.
 */
export function packSheet(pixels: Uint8Array, sheet: SheetPlan): Uint8Array {
  const gray = new Uint8Array(sheet.width * sheet.height);
  const start = sheet.firstIndex * IMAGE_SIZE;
  gray.set(pixels.subarray(start, start + sheet.images * IMAGE_SIZE));
  return gray;
}

/** The inverse of packSheet, without a copy: the sheet's images, a view of its decoded pixels. */
export function sheetImages<T extends Uint8Array>(gray: T, sheet: Pick<SheetPlan, 'images'>): T {
  return gray.subarray(0, sheet.images * IMAGE_SIZE) as T;
}
