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

/**
 * The inverse of packSheet: copies a decoded sheet's tiles into the split's pixel array.
 * It runs for every sheet before the digits are ready, so it copies in plain loops (a
 * subarray per tile row allocates 280,000 views a sheet) and, when both buffers are 4-byte
 * aligned, four pixels at a time: tile columns, sheet rows and images are all multiples of 4.
 */
export function unpackSheet(gray: Uint8Array, sheet: SheetPlan, pixels: Uint8Array): void {
  const aligned =
    gray.byteOffset % 4 === 0 &&
    pixels.byteOffset % 4 === 0 &&
    sheet.width % 4 === 0 &&
    TILE_SIDE % 4 === 0;
  if (aligned) copyTiles(words(gray), sheet, words(pixels), 4);
  else copyTiles(gray, sheet, pixels, 1);
}

function words(bytes: Uint8Array): Uint32Array {
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
}

/** Copies tile rows from `sheet`-shaped `from` into IDX-ordered `to`, in units of `unit` bytes. */
function copyTiles<T extends Uint8Array | Uint32Array>(
  from: T,
  sheet: SheetPlan,
  to: T,
  unit: number,
): void {
  const tileRow = TILE_SIDE / unit;
  const sheetRow = sheet.width / unit;
  let target = (sheet.firstIndex * IMAGE_SIZE) / unit;
  for (let i = 0; i < sheet.images; i += 1) {
    const { x, y } = tileOrigin(i);
    for (let row = 0; row < TILE_SIDE; row += 1) {
      let source = (y + row) * sheetRow + x / unit;
      const end = source + tileRow;
      while (source < end) to[target++] = from[source++];
    }
  }
}
