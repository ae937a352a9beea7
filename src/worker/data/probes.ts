/** Picks which test digits the page shows: the dataset strip and the 10 fixed probes. */
import { IMAGE_SIZE } from '../../shared/config';
import type { DigitSamples } from '../../shared/protocol';
import { chunksOf, imageIn, type PixelSet } from './pixelChunks';

type Split = PixelSet & { labels: Uint8Array };

export function samplesAt(split: Split, indices: number[]): DigitSamples {
  const images = chunksOf(split);
  const pixels = new Uint8Array(indices.length * IMAGE_SIZE);
  indices.forEach((index, slot) => pixels.set(imageIn(images, index), slot * IMAGE_SIZE));
  return { indices, labels: indices.map((index) => split.labels[index]), pixels };
}

/** The first image of each class 0-9, so every digit is watched as it sharpens. */
export function firstOfEachClass(labels: Uint8Array, classes = 10): number[] {
  const found: number[] = new Array<number>(classes).fill(-1);
  let missing = classes;
  for (let i = 0; i < labels.length && missing > 0; i++) {
    const label = labels[i];
    if (label < classes && found[label] === -1) {
      found[label] = i;
      missing--;
    }
  }
  return found.filter((index) => index >= 0);
}

/** The first `count` images: the dataset as it comes, labels and all. */
export function firstIndices(count: number, available: number): number[] {
  return Array.from({ length: Math.min(count, available) }, (_, i) => i);
}
