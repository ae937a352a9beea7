/**
 * Reads IDX files, the format the MNIST images and labels are published in
 * (http://yann.lecun.com/exdb/mnist/). Pure: the build script (Node) and tests use it, and
 * it must stay free of Node and DOM APIs because shared/ is compiled for both sides.
 */

/** The third byte of the magic number: the element type. Only unsigned bytes occur in MNIST. */
const TYPE_UINT8 = 0x08;

export interface IdxArray {
  /** Sizes of each dimension, outermost first, e.g. [60000, 28, 28] for the training images. */
  dims: number[];
  /** The elements in row-major order; a view into the input, not a copy. */
  data: Uint8Array;
}

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

/**
 * Parses an IDX file of unsigned bytes: a 4-byte magic number (0x00, 0x00, type, dimension
 * count), one big-endian uint32 per dimension, then the elements. Throws an Error that says
 * what is wrong when the bytes are not such a file.
 */
export function parseIdx(bytes: Uint8Array): IdxArray {
  if (bytes.length < 4) {
    throw new Error(`Not an IDX file: it is ${bytes.length} bytes long, too short for a header.`);
  }
  // DataView reads big-endian by default, which is the byte order IDX uses.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(
      `Not an IDX file: the magic number is ${hex(magic, 8)}; it must start with two zero bytes (e.g. 0x00000803 for images, 0x00000801 for labels).`,
    );
  }
  const type = bytes[2];
  if (type !== TYPE_UINT8) {
    throw new Error(
      `Unsupported IDX element type ${hex(type, 2)} (magic number ${hex(magic, 8)}): only unsigned bytes (0x08) are supported.`,
    );
  }
  const rank = bytes[3];
  if (rank === 0) {
    throw new Error(`Not an IDX file: the magic number ${hex(magic, 8)} declares no dimensions.`);
  }
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) {
    throw new Error(
      `Truncated IDX header: ${rank} dimensions need ${headerLength} header bytes, but the file has ${bytes.length}.`,
    );
  }

  const dims: number[] = [];
  let expected = 1;
  for (let i = 0; i < rank; i += 1) {
    const size = view.getUint32(4 + 4 * i);
    dims.push(size);
    expected *= size;
  }
  const payload = bytes.length - headerLength;
  if (payload !== expected) {
    throw new Error(
      `IDX payload does not match its dimensions [${dims.join(', ')}]: expected ${expected} bytes after the header, found ${payload}.`,
    );
  }
  return { dims, data: bytes.subarray(headerLength) };
}
