/**
 * Images kept in the pieces they arrived in. Each sprite sheet decodes into an array of its
 * own, and the training set stays as those six arrays instead of being copied into one: on a
 * small machine, writing 47 MB into freshly allocated memory is a noticeable part of the wait
 * for the digits (the kernel has to hand over every page), and the copy bought nothing, since
 * a batch is gathered image by image anyway.
 */
import { IMAGE_SIZE } from '../../shared/config';

export interface PixelChunks {
  /**
   * The images in IDX order (784 bytes each, row-major), `chunkImages` to a chunk; only the
   * last chunk may hold fewer.
   */
  chunks: readonly Uint8Array[];
  chunkImages: number;
  count: number;
}

/** Images stored back to back, IMAGE_SIZE bytes each: in one array, or in chunks. */
export type PixelSet = { pixels: Uint8Array; count: number } | PixelChunks;

/** Any PixelSet as chunks (one array is one chunk). */
export function chunksOf(set: PixelSet): PixelChunks {
  return 'chunks' in set ? set : singleChunk(set.pixels, set.count);
}

/** One array as a single chunk. */
export function singleChunk(pixels: Uint8Array, count = pixels.length / IMAGE_SIZE): PixelChunks {
  return { chunks: [pixels], chunkImages: Math.max(1, count), count };
}

/** The pixels of image `index` (a view, not a copy). */
export function imageIn(set: PixelChunks, index: number): Uint8Array {
  const chunk = set.chunks[Math.floor(index / set.chunkImages)];
  const start = (index % set.chunkImages) * IMAGE_SIZE;
  return chunk.subarray(start, start + IMAGE_SIZE);
}

/** All the images in one array: the chunk itself when there is only one, else a joined copy. */
export function joinChunks(set: PixelChunks): Uint8Array {
  const whole = set.count * IMAGE_SIZE;
  if (set.chunks.length === 1) return set.chunks[0].subarray(0, whole);
  const joined = new Uint8Array(whole);
  let offset = 0;
  for (const chunk of set.chunks) {
    const part = chunk.subarray(0, Math.min(chunk.length, whole - offset));
    joined.set(part, offset);
    offset += part.length;
    if (offset === whole) break;
  }
  return joined;
}
