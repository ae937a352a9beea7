/**
 * How MNIST digits are laid out in sprite sheets: 28x28 tiles, 100 per row, row-major, at
 * most 10,000 per sheet. The build script packs sheets with these functions and the worker
 * unpacks them with the same ones, so the two sides cannot disagree about the layout.
 */
import { IMAGE_SIDE, IMAGE_SIZE } from './config';

export const TILE_SIDE = IMAGE_SIDE;
export const SHEET_COLUMNS = 100;
/** 100 x 100 tiles = 2800 x 2800 px: 6 sheets hold the 60,000 training digits, 1 the test digits. */
export const MAX_TILES_PER_SHEET = 10_000;
export const SHEET_WIDTH = SHEET_COLUMNS * TILE_SIDE;
/**
 * The largest side we allow. 4096 is the smallest maximum texture / canvas side that common
 * GPUs and browsers guarantee, so a sheet never has to be split to be drawn or uploaded.
 */
export const MAX_SHEET_SIDE = 4096;

export interface SheetPlan {
  /** Index, within its split, of the sheet's first image. */
  firstIndex: number;
  images: number;
  columns: number;
  rows: number;
  /** Pixels; always SHEET_WIDTH, even for a partial last sheet, so tiles stay where expected. */
  width: number;
  height: number;
}

/** Top-left pixel of a tile within its sheet. */
export function tileOrigin(indexInSheet: number): { x: number; y: number } {
  return {
    x: (indexInSheet % SHEET_COLUMNS) * TILE_SIDE,
    y: Math.floor(indexInSheet / SHEET_COLUMNS) * TILE_SIDE,
  };
}

/**
 * Splits `imageCount` images into sheets of `tilesPerSheet` (the last may be partial).
 * A smaller `tilesPerSheet` lets tests exercise several sheets with a few hundred images.
 */
export function planSheets(imageCount: number, tilesPerSheet = MAX_TILES_PER_SHEET): SheetPlan[] {
  if (!Number.isInteger(imageCount) || imageCount < 0) {
    throw new RangeError(`imageCount must be a whole number >= 0, got ${imageCount}.`);
  }
  if (
    !Number.isInteger(tilesPerSheet) ||
    tilesPerSheet < 1 ||
    tilesPerSheet > MAX_TILES_PER_SHEET
  ) {
    throw new RangeError(
      `tilesPerSheet must be a whole number from 1 to ${MAX_TILES_PER_SHEET}, got ${tilesPerSheet}.`,
    );
  }
  const sheets: SheetPlan[] = [];
  for (let firstIndex = 0; firstIndex < imageCount; firstIndex += tilesPerSheet) {
    const images = Math.min(tilesPerSheet, imageCount - firstIndex);
    const rows = Math.ceil(images / SHEET_COLUMNS);
    sheets.push({
      firstIndex,
      images,
      columns: SHEET_COLUMNS,
      rows,
      width: SHEET_WIDTH,
      height: rows * TILE_SIDE,
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
 * Packs a sheet's images into a width x height grayscale buffer. `pixels` holds the whole
 * split in IDX order (image i at i * 784, row-major); unused tiles of a partial sheet stay 0.
 */
export function packSheet(pixels: Uint8Array, sheet: SheetPlan): Uint8Array {
  const gray = new Uint8Array(sheet.width * sheet.height);
  for (let i = 0; i < sheet.images; i += 1) {
    const { x, y } = tileOrigin(i);
    const source = (sheet.firstIndex + i) * IMAGE_SIZE;
    for (let row = 0; row < TILE_SIDE; row += 1) {
      const start = source + row * TILE_SIDE;
      gray.set(pixels.subarray(start, start + TILE_SIDE), (y + row) * sheet.width + x);
    }
  }
  return gray;
}

/** The inverse of packSheet: copies a decoded sheet's tiles into the split's pixel array. */
export function unpackSheet(gray: Uint8Array, sheet: SheetPlan, pixels: Uint8Array): void {
  for (let i = 0; i < sheet.images; i += 1) {
    const { x, y } = tileOrigin(i);
    const target = (sheet.firstIndex + i) * IMAGE_SIZE;
    for (let row = 0; row < TILE_SIDE; row += 1) {
      const start = (y + row) * sheet.width + x;
      pixels.set(gray.subarray(start, start + TILE_SIDE), target + row * TILE_SIDE);
    }
  }
}
