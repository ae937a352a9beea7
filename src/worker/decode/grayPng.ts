/**
 * A small decoder for exactly the PNGs the build writes: 8-bit grayscale, not interlaced.
 *
 * Why not the browser's decoder: createImageBitmap + an OffscreenCanvas + getImageData turns
 * each 3920 x 2000 sheet into 31 MB of RGBA on the way to the 7.8 MB of gray we want, and
 * took most of the time to "data ready". Here the zlib stream goes through the browser's
 * native DecompressionStream and only the row filters (PNG spec section 9) run in JavaScript.
 *
 * Returns null for any other kind of PNG, so the caller can hand it to the browser's decoder.
 */
import { DecodedSizeError } from '../data/dataLoadError';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const GRAYSCALE = 0;

/** Thrown when the bytes are not a well-formed PNG (the loader names the file). */
export class PngFormatError extends Error {
  override name = 'PngFormatError';
}

interface PngParts {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  /** The IDAT chunks' payloads, which together are one zlib stream. */
  data: Uint8Array<ArrayBuffer>[];
}

function readParts(png: Uint8Array<ArrayBuffer>): PngParts {
  if (png.length < 8 || SIGNATURE.some((byte, i) => png[i] !== byte)) {
    throw new PngFormatError('It is not a PNG image.');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const parts: PngParts = {
    width: 0,
    height: 0,
    bitDepth: 0,
    colorType: 0,
    interlace: 0,
    data: [],
  };
  let offset = 8;
  let sawHeader = false;
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const body = offset + 8;
    if (body + length + 4 > png.length) break;
    if (type === 'IHDR') {
      parts.width = view.getUint32(body);
      parts.height = view.getUint32(body + 4);
      parts.bitDepth = png[body + 8];
      parts.colorType = png[body + 9];
      parts.interlace = png[body + 12];
      sawHeader = true;
    } else if (type === 'IDAT') {
      parts.data.push(png.subarray(body, body + length));
    } else if (type === 'IEND') {
      if (!sawHeader || parts.data.length === 0) break;
      return parts;
    }
    // 4 bytes of CRC follow each chunk; the file's SHA-256 was checked before we got here.
    offset = body + length + 4;
  }
  throw new PngFormatError('The PNG image is cut short or damaged.');
}

/**
 * Inflates the zlib stream into one buffer of the size the header promises (`expected`
 * bytes: a filter byte and `width` pixels per row). The chunks are copied in as they come:
 * in Chromium, collecting them with `new Response(stream).arrayBuffer()` took twice as long
 * as the inflating itself. A stream that runs long is refused; one that runs short comes
 * back short, for unfilterGray to refuse with its own message.
 */
async function inflate(
  chunks: Uint8Array<ArrayBuffer>[],
  expected: number,
): Promise<Uint8Array<ArrayBuffer>> {
  // PNG's image data is a zlib stream, which the Compression Streams API calls 'deflate'.
  // Written in one piece: in Chromium that inflates ~20% faster than Blob.stream()'s chunks.
  const joined = chunks.length === 1 ? chunks[0] : joinChunks(chunks);
  const inflater = new DecompressionStream('deflate');
  const writer = inflater.writable.getWriter();
  // Failures surface through the readable side, read below.
  writer.write(joined).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = inflater.readable.getReader();
  const out = new Uint8Array(expected);
  let filled = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return out.subarray(0, filled);
      if (filled + value.length > expected) break;
      out.set(value, filled);
      filled += value.length;
    }
  } catch {
    throw new PngFormatError('The PNG image data does not decompress.');
  }
  reader.cancel().catch(() => undefined);
  throw new PngFormatError('The PNG image data is longer than its size says.');
}

function joinChunks(chunks: Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/** The Paeth predictor of PNG's filter type 4: whichever neighbour is closest to a + b - c. */
function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const pa = Math.abs(p - left);
  const pb = Math.abs(p - up);
  const pc = Math.abs(p - upLeft);
  if (pa <= pb && pa <= pc) return left;
  return pb <= pc ? up : upLeft;
}

/**
 * Undoes the per-row filters of a one-byte-per-pixel image, in place: `filtered` holds
 * `height` rows, each a filter-type byte followed by `width` bytes, and its first
 * width * height bytes become the image (the result is a view of them). In place because a
 * sheet is 7.8 MB: a second buffer and a copy of every row cost more than the filters.
 * It is safe: row y moves y + 1 bytes to the left, so every byte is read before it is
 * overwritten, and the row above is already final when a filter reads it.
 */
export function unfilterGray(
  filtered: Uint8Array<ArrayBuffer>,
  width: number,
  height: number,
): Uint8Array<ArrayBuffer> {
  if (filtered.length < height * (width + 1)) {
    throw new PngFormatError('The PNG image data is shorter than its size says.');
  }
  const out = filtered;
  for (let y = 0; y < height; y += 1) {
    const type = filtered[y * (width + 1)];
    const src = y * (width + 1) + 1;
    const row = y * width;
    const prev = row - width; // Only read when y > 0.
    if (type === 0 || (y === 0 && type === 2)) {
      out.copyWithin(row, src, src + width);
    } else if (type === 1) {
      let left = 0;
      for (let x = 0; x < width; x += 1) out[row + x] = left = (filtered[src + x] + left) & 255;
    } else if (type === 2) {
      for (let x = 0; x < width; x += 1) out[row + x] = (filtered[src + x] + out[prev + x]) & 255;
    } else if (type === 3) {
      for (let x = 0; x < width; x += 1) {
        const left = x > 0 ? out[row + x - 1] : 0;
        const up = y > 0 ? out[prev + x] : 0;
        out[row + x] = (filtered[src + x] + ((left + up) >> 1)) & 255;
      }
    } else if (type === 4) {
      for (let x = 0; x < width; x += 1) {
        const left = x > 0 ? out[row + x - 1] : 0;
        const up = y > 0 ? out[prev + x] : 0;
        const upLeft = x > 0 && y > 0 ? out[prev + x - 1] : 0;
        out[row + x] = (filtered[src + x] + paeth(left, up, upLeft)) & 255;
      }
    } else {
      throw new PngFormatError(`Row ${y} of the PNG image has an unknown filter (${type}).`);
    }
  }
  return out.subarray(0, width * height);
}

/**
 * One byte per pixel for an 8-bit grayscale PNG of the expected size, or null when the PNG is
 * of another kind (colour, 16-bit, interlaced) or this browser lacks DecompressionStream.
 */
export async function decodeGrayPng(
  png: Uint8Array<ArrayBuffer>,
  width: number,
  height: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (typeof DecompressionStream !== 'function') return null;
  const parts = readParts(png);
  if (parts.width !== width || parts.height !== height) {
    throw new DecodedSizeError(parts.width, parts.height);
  }
  if (parts.bitDepth !== 8 || parts.colorType !== GRAYSCALE || parts.interlace !== 0) return null;
  return unfilterGray(await inflate(parts.data, height * (width + 1)), width, height);
}
