import { memo, useCallback, useRef } from 'react';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../shared/config';
import { useCanvasPaint } from './useCanvasPaint';

export interface DigitCanvasProps {
  /** Images back to back, row-major 28x28: bytes 0-255 or floats 0-1. */
  pixels: Uint8Array | Float32Array;
  /** Which image of `pixels` to draw (counted in images, not values). */
  offset: number;
  /** Width and height in CSS pixels; leave it out to size the canvas from CSS. */
  size?: number;
  /** The canvas's accessible name, e.g. "Original digit 3". */
  label: string;
  className?: string;
}

/** Writes one image into an RGBA buffer as white-on-black gray levels. */
function fillImage(rgba: Uint8ClampedArray, pixels: Uint8Array | Float32Array, offset: number) {
  const start = offset * IMAGE_SIZE;
  const scale = pixels instanceof Float32Array ? 255 : 1;
  const available = start >= 0 && start + IMAGE_SIZE <= pixels.length;
  for (let i = 0; i < IMAGE_SIZE; i++) {
    // Uint8ClampedArray rounds and clamps floats outside 0-255 for us.
    const gray = available ? pixels[start + i] * scale : 0;
    const j = i * 4;
    rgba[j] = gray;
    rgba[j + 1] = gray;
    rgba[j + 2] = gray;
    rgba[j + 3] = 255;
  }
}

/**
 * One 28x28 grayscale digit, drawn at its true resolution and scaled up with sharp pixels.
 * Memoised, and painted through frameWork: a page of them changing at once (each epoch's end)
 * is drawn over a few frames instead of in one long task.
 */
export const DigitCanvas = memo(function DigitCanvas({
  pixels,
  offset,
  size,
  label,
  className,
}: DigitCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  const paint = useCallback(
    (context: CanvasRenderingContext2D) => {
      const image = context.createImageData(IMAGE_SIDE, IMAGE_SIDE);
      fillImage(image.data, pixels, offset);
      context.putImageData(image, 0, 0);
    },
    [pixels, offset],
  );
  useCanvasPaint(canvasRef, paint);

  return (
    <canvas
      ref={canvasRef}
      className={className ? `ll-digit ${className}` : 'll-digit'}
      width={IMAGE_SIDE}
      height={IMAGE_SIDE}
      style={size === undefined ? undefined : { width: size, height: size }}
      role="img"
      aria-label={label}
    />
  );
});
