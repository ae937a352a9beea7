/** The VAE's grid of decoded codes as one sheet: side x side digits, one canvas, no gaps. */
import { memo, useCallback, useRef } from 'react';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../shared/config';
import { useCanvasPaint } from '../ui/useCanvasPaint';

export interface CodeSheetProps {
  /** side x side images, row-major (row 0 at the top), 784 values in [0, 1] each. */
  images: Float32Array;
  side: number;
  label: string;
}

/** Writes the images into one RGBA picture, white on black like every digit on the page. */
export function fillSheet(rgba: Uint8ClampedArray, images: Float32Array, side: number): void {
  const width = side * IMAGE_SIDE;
  for (let cell = 0; cell < side * side; cell++) {
    const left = (cell % side) * IMAGE_SIDE;
    const top = Math.floor(cell / side) * IMAGE_SIDE;
    for (let p = 0; p < IMAGE_SIZE; p++) {
      const gray = images[cell * IMAGE_SIZE + p] * 255;
      const at = ((top + Math.floor(p / IMAGE_SIDE)) * width + left + (p % IMAGE_SIDE)) * 4;
      rgba[at] = gray;
      rgba[at + 1] = gray;
      rgba[at + 2] = gray;
      rgba[at + 3] = 255;
    }
  }
}

export const CodeSheet = memo(function CodeSheet({ images, side, label }: CodeSheetProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const width = side * IMAGE_SIDE;
  const paint = useCallback(
    (context: CanvasRenderingContext2D) => {
      if (images.length < side * side * IMAGE_SIZE) return;
      const picture = context.createImageData(width, width);
      fillSheet(picture.data, images, side);
      context.putImageData(picture, 0, 0);
    },
    [images, side, width],
  );
  useCanvasPaint(ref, paint);
  return (
    <canvas
      ref={ref}
      className="ll-space__sheet"
      width={width}
      height={width}
      role="img"
      aria-label={label}
    />
  );
});
