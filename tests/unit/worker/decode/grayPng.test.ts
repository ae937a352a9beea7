import { PNG } from 'pngjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeGrayPng } from '../../../../scripts/lib/encodePng';
import { DecodedSizeError } from '../../../../src/worker/data/dataLoadError';
import { PngFormatError, decodeGrayPng, unfilterGray } from '../../../../src/worker/decode/grayPng';

const WIDTH = 57;
const HEIGHT = 23;

/** Digit-like content: mostly black, with bright strokes and gradients to stress every filter. */
function testImage(width = WIDTH, height = HEIGHT): Uint8Array {
  const gray = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const stroke = (x * 7 + y * 13) % 11 < 3 ? 255 : 0;
      gray[y * width + x] = (x + y) % 5 === 0 ? (x * 31 + y * 17) & 255 : stroke;
    }
  }
  return gray;
}

function grayPng(gray: Uint8Array, filterType: number, width = WIDTH, height = HEIGHT) {
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0 });
  png.data = Buffer.from(gray);
  const bytes = PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8, filterType });
  return new Uint8Array(bytes);
}

describe('decodeGrayPng', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['none', 0],
    ['sub', 1],
    ['up', 2],
    ['average', 3],
    ['paeth', 4],
    ['adaptive (a mix)', -1],
  ])('returns the exact pixels with the %s row filter', async (_name, filterType) => {
    const gray = testImage();
    const decoded = await decodeGrayPng(grayPng(gray, filterType), WIDTH, HEIGHT);
    expect(decoded).toEqual(gray);
  });

  it('decodes what the build script writes, byte for byte', async () => {
    const gray = testImage(280, 56);
    const png = new Uint8Array(encodeGrayPng(gray, 280, 56));
    expect(await decodeGrayPng(png, 280, 56)).toEqual(gray);
  });

  it('reports an image of another size with its real size', async () => {
    const png = grayPng(testImage(), 0);
    const error = await decodeGrayPng(png, 28, 28).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodedSizeError);
    expect(error).toMatchObject({ width: WIDTH, height: HEIGHT });
  });

  it('hands colour PNGs back (null) for the browser decoder', async () => {
    const png = new PNG({ width: 4, height: 4 });
    png.data.fill(200);
    const rgba = new Uint8Array(PNG.sync.write(png, { colorType: 6 }));
    expect(await decodeGrayPng(rgba, 4, 4)).toBeNull();
  });

  it('hands every PNG back (null) when the browser has no DecompressionStream', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    expect(await decodeGrayPng(grayPng(testImage(), 0), WIDTH, HEIGHT)).toBeNull();
  });

  it('refuses bytes that are not a PNG, or a PNG cut short', async () => {
    const png = grayPng(testImage(), 0);
    const notPng = new Uint8Array(png.length).fill(7);
    await expect(decodeGrayPng(notPng, WIDTH, HEIGHT)).rejects.toThrow(PngFormatError);
    const cut = png.slice(0, png.length - 30);
    await expect(decodeGrayPng(cut, WIDTH, HEIGHT)).rejects.toThrow(/cut short or damaged/);
  });

  it('refuses image data longer than the header says (no buffer overrun)', async () => {
    const png = grayPng(testImage(), 0);
    // IHDR's height sits at byte 20; the CRC is not checked (the file's SHA-256 is).
    new DataView(png.buffer).setUint32(20, HEIGHT - 1);
    await expect(decodeGrayPng(png, WIDTH, HEIGHT - 1)).rejects.toThrow(
      /longer than its size says/,
    );
  });

  it('refuses image data that does not decompress', async () => {
    const png = grayPng(testImage(), 0);
    // The first IDAT chunk's payload starts after signature (8) + IHDR (25) + its header (8).
    const broken = png.slice();
    broken.fill(0xff, 41 + 2, 41 + 40);
    await expect(decodeGrayPng(broken, WIDTH, HEIGHT)).rejects.toThrow(PngFormatError);
  });
});

describe('unfilterGray', () => {
  it('names an unknown filter type and the row it is on', () => {
    const filtered = new Uint8Array(2 * 4);
    filtered[4] = 9;
    expect(() => unfilterGray(filtered, 3, 2)).toThrow(/Row 1 .* unknown filter \(9\)/);
  });

  it('refuses data shorter than the image', () => {
    expect(() => unfilterGray(new Uint8Array(5), 3, 2)).toThrow(/shorter than its size/);
  });
});
