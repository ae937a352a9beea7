import { IMAGE_SIZE } from '../../shared/config';

/**
 * Mean absolute difference, on the 0-1 scale, between image `index` of the originals
 * (bytes 0-255) and of the reconstructions (floats 0-1).
 */
export function meanAbsoluteError(
  originals: Uint8Array,
  rebuilt: Float32Array,
  index: number,
): number {
  const start = index * IMAGE_SIZE;
  if (start + IMAGE_SIZE > originals.length || start + IMAGE_SIZE > rebuilt.length) return NaN;
  let sum = 0;
  for (let i = start; i < start + IMAGE_SIZE; i++) {
    sum += Math.abs(originals[i] / 255 - rebuilt[i]);
  }
  return sum / IMAGE_SIZE;
}
