/**
 * Sprite sheet decoding in the worker. The build's 8-bit gray PNGs take the fast path in
 * grayPng.ts; anything else (or a browser without DecompressionStream) goes to the browser's
 * own decoder: createImageBitmap decodes off the main thread and an OffscreenCanvas hands back
 * the pixels (no DOM, no <img>).
 */
import { DataLoadError, DecodedSizeError } from '../data/dataLoadError';
import { decodeGrayPng } from './grayPng';

export { DecodedSizeError } from '../data/dataLoadError';

/** Decodes a grayscale PNG to one byte per pixel (width * height bytes, row-major). */
export type SheetDecoder = (
  png: Uint8Array<ArrayBuffer>,
  width: number,
  height: number,
) => Promise<Uint8Array<ArrayBuffer>>;

const SUPPORTED_BROWSERS = 'Chrome or Edge 69+, Firefox 105+ or Safari 16.4+';

function unsupported(feature: string): DataLoadError {
  // The loader fills in the file name; the feature is what the student needs to know.
  return new DataLoadError(
    '',
    'unsupported',
    `This browser cannot decode the digit images in a background worker: it lacks ${feature}. Please use a current browser that has it (${SUPPORTED_BROWSERS}).`,
  );
}

const decodeWithBrowser: SheetDecoder = async (png, width, height) => {
  if (typeof createImageBitmap !== 'function') throw unsupported('createImageBitmap');
  if (typeof OffscreenCanvas !== 'function') throw unsupported('OffscreenCanvas');

  // 'none' for both: no colour management and no alpha premultiplication may touch the
  // values, or the decoded digits would differ from the training data (the PNGs carry no
  // gamma or ICC chunks either, for browsers that ignore these options).
  const bitmap = await createImageBitmap(new Blob([png], { type: 'image/png' }), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  try {
    if (bitmap.width !== width || bitmap.height !== height) {
      throw new DecodedSizeError(bitmap.width, bitmap.height);
    }
    const canvas = new OffscreenCanvas(width, height);
    // willReadFrequently keeps the canvas in CPU memory: one getImageData, no GPU readback.
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw unsupported('a 2D context for OffscreenCanvas');
    context.drawImage(bitmap, 0, 0);
    const rgba = context.getImageData(0, 0, width, height).data;
    // Grayscale decodes to R = G = B, so the red channel is the gray value.
    const gray = new Uint8Array(width * height);
    for (let i = 0; i < gray.length; i += 1) gray[i] = rgba[i * 4];
    return gray;
  } finally {
    bitmap.close();
  }
};

export const decodeSheet: SheetDecoder = async (png, width, height) =>
  (await decodeGrayPng(png, width, height)) ?? decodeWithBrowser(png, width, height);
