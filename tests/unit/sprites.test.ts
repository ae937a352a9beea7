import { describe, expect, it } from 'vitest';
import {
  MAX_SHEET_SIDE,
  packSheet,
  planSheets,
  sheetFileName,
  tileOrigin,
  unpackSheet,
} from '../../src/shared/sprites';

describe('tileOrigin', () => {
  it('places tiles row-major, 100 to a row', () => {
    expect(tileOrigin(0)).toEqual({ x: 0, y: 0 });
    expect(tileOrigin(1)).toEqual({ x: 28, y: 0 });
    expect(tileOrigin(99)).toEqual({ x: 2772, y: 0 });
    expect(tileOrigin(100)).toEqual({ x: 0, y: 28 });
    expect(tileOrigin(4321)).toEqual({ x: 21 * 28, y: 43 * 28 });
    expect(tileOrigin(9999)).toEqual({ x: 2772, y: 2772 });
  });
});

describe('planSheets', () => {
  it('puts the 60,000 training digits on 6 full 2800x2800 sheets', () => {
    const sheets = planSheets(60_000);
    expect(sheets).toHaveLength(6);
    sheets.forEach((sheet, i) => {
      expect(sheet).toEqual({
        firstIndex: i * 10_000,
        images: 10_000,
        columns: 100,
        rows: 100,
        width: 2800,
        height: 2800,
      });
    });
  });

  it('puts the 10,000 test digits on 1 sheet', () => {
    expect(planSheets(10_000)).toEqual([
      { firstIndex: 0, images: 10_000, columns: 100, rows: 100, width: 2800, height: 2800 },
    ]);
  });

  it('makes the last sheet partial: fewer rows, same width', () => {
    const sheets = planSheets(12_345);
    expect(sheets).toHaveLength(2);
    expect(sheets[1]).toEqual({
      firstIndex: 10_000,
      images: 2_345,
      columns: 100,
      rows: 24,
      width: 2800,
      height: 672,
    });
    expect(planSheets(7)).toEqual([
      { firstIndex: 0, images: 7, columns: 100, rows: 1, width: 2800, height: 28 },
    ]);
    expect(planSheets(0)).toEqual([]);
  });

  it('never exceeds 4096 px on a side', () => {
    for (const count of [1, 99, 100, 101, 9_999, 10_000, 10_001, 60_000, 70_000]) {
      for (const sheet of planSheets(count)) {
        expect(sheet.width).toBeLessThanOrEqual(MAX_SHEET_SIDE);
        expect(sheet.height).toBeLessThanOrEqual(MAX_SHEET_SIDE);
      }
    }
  });

  it('rejects impossible counts', () => {
    expect(() => planSheets(-1)).toThrow(RangeError);
    expect(() => planSheets(2.5)).toThrow(RangeError);
    expect(() => planSheets(100, 20_000)).toThrow(/tilesPerSheet/);
  });
});

describe('packSheet / unpackSheet', () => {
  it('round-trips pixels through a sheet, tile by tile', () => {
    const count = 230;
    const pixels = new Uint8Array(count * 784).map((_, i) => (i * 31 + (i >> 9)) & 255);
    const restored = new Uint8Array(pixels.length);
    for (const sheet of planSheets(count, 150)) {
      const gray = packSheet(pixels, sheet);
      expect(gray.length).toBe(sheet.width * sheet.height);
      unpackSheet(gray, sheet, restored);
    }
    expect(Buffer.compare(restored, pixels)).toBe(0);
  });

  it('unpacks the same from buffers that are not 4-byte aligned (the byte-wise path)', () => {
    const count = 230;
    const pixels = new Uint8Array(count * 784).map((_, i) => (i * 13 + (i >> 7)) & 255);
    const [sheet] = planSheets(count);
    const gray = packSheet(pixels, sheet);
    // Views starting at byte 1 of a larger buffer.
    const grayAt1 = new Uint8Array(gray.length + 1).subarray(1);
    grayAt1.set(gray);
    const restored = new Uint8Array(pixels.length + 1).subarray(1);
    unpackSheet(grayAt1, sheet, restored);
    expect(Buffer.compare(restored, pixels)).toBe(0);
  });

  it('puts image 101, row 5 where tileOrigin says', () => {
    const pixels = new Uint8Array(102 * 784);
    pixels[101 * 784 + 5 * 28 + 3] = 200;
    const [sheet] = planSheets(102);
    const gray = packSheet(pixels, sheet);
    const { x, y } = tileOrigin(101);
    expect(gray[(y + 5) * 2800 + x + 3]).toBe(200);
    expect(gray.reduce((sum, v) => sum + v, 0)).toBe(200);
  });

  it('names sheets by split and position', () => {
    expect(sheetFileName('train', 3)).toBe('train-03.png');
    expect(sheetFileName('test', 0)).toBe('test-00.png');
  });
});
