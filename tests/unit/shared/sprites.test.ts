import { describe, expect, it } from 'vitest';
import {
  MAX_SHEET_SIDE,
  packSheet,
  planSheets,
  sheetFileName,
  sheetImages,
} from '../../../src/shared/sprites';

describe('planSheets', () => {
  it('puts the 60,000 training digits on 6 full 3920x2000 sheets', () => {
    const sheets = planSheets(60_000);
    expect(sheets).toHaveLength(6);
    sheets.forEach((sheet, i) => {
      expect(sheet).toEqual({
        firstIndex: i * 10_000,
        images: 10_000,
        imagesPerRow: 5,
        width: 3920,
        height: 2000,
      });
    });
  });

  it('puts the 10,000 test digits on 1 sheet', () => {
    expect(planSheets(10_000)).toEqual([
      { firstIndex: 0, images: 10_000, imagesPerRow: 5, width: 3920, height: 2000 },
    ]);
  });

  it('makes the last sheet partial: fewer rows, same width', () => {
    const sheets = planSheets(12_345);
    expect(sheets).toHaveLength(2);
    expect(sheets[1]).toEqual({
      firstIndex: 10_000,
      images: 2_345,
      imagesPerRow: 5,
      width: 3920,
      height: 469,
    });
    expect(planSheets(7)).toEqual([
      { firstIndex: 0, images: 7, imagesPerRow: 5, width: 3920, height: 2 },
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
    expect(() => planSheets(100, 20_000)).toThrow(/imagesPerSheet/);
  });
});

describe('packSheet / sheetImages', () => {
  it('round-trips pixels through sheets', () => {
    const count = 230;
    const pixels = new Uint8Array(count * 784).map((_, i) => (i * 31 + (i >> 9)) & 255);
    const restored = new Uint8Array(pixels.length);
    for (const sheet of planSheets(count, 150)) {
      const gray = packSheet(pixels, sheet);
      expect(gray.length).toBe(sheet.width * sheet.height);
      restored.set(sheetImages(gray, sheet), sheet.firstIndex * 784);
    }
    expect(Buffer.compare(restored, pixels)).toBe(0);
  });

  it('puts image 7, row 5, column 3 in row 1 of the sheet, third strip', () => {
    const pixels = new Uint8Array(12 * 784);
    pixels[7 * 784 + 5 * 28 + 3] = 200;
    const [sheet] = planSheets(12);
    const gray = packSheet(pixels, sheet);
    // Image 7 is the third strip (7 - 5) of the sheet's second row.
    expect(gray[1 * 3920 + 2 * 784 + 5 * 28 + 3]).toBe(200);
    expect(gray.reduce((sum, v) => sum + v, 0)).toBe(200);
  });

  it('pads the strips after a partial sheet with zeros and leaves them out of the images', () => {
    const pixels = new Uint8Array(7 * 784).fill(9);
    const [sheet] = planSheets(7);
    const gray = packSheet(pixels, sheet);
    expect(gray.subarray(7 * 784).every((v) => v === 0)).toBe(true);
    expect(sheetImages(gray, sheet)).toHaveLength(7 * 784);
  });

  it('names sheets by split and position', () => {
    expect(sheetFileName('train', 3)).toBe('train-03.png');
    expect(sheetFileName('test', 0)).toBe('test-00.png');
  });
});
