import { memo, useCallback, useMemo, useRef } from 'react';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../shared/config';
import { DigitCanvas } from '../ui/DigitCanvas';
import { useCanvasPaint } from '../ui/useCanvasPaint';

export interface WorstReconstructionsProps {
  /** Per digit, its worst-rebuilt test images, worst first. */
  worst: number[][];
  /** The rebuilds of worst.flat(), in that order (x 784), or null while they are made. */
  rebuilt: Float32Array | null;
  testPixels: Uint8Array;
  onOpen(index: number): void;
}

/** |x - x̂| per pixel: black where the rebuild is right, through orange to yellow where wrong. */
// Memoised and painted in slices like DigitCanvas: 80 of these arrive together.
const ErrorMap = memo(function ErrorMap({
  original,
  rebuilt,
  offset,
  label,
}: {
  original: Uint8Array;
  rebuilt: Float32Array;
  offset: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const paint = useCallback(
    (context: CanvasRenderingContext2D) => {
      const image = context.createImageData(IMAGE_SIDE, IMAGE_SIDE);
      const start = offset * IMAGE_SIZE;
      for (let p = 0; p < IMAGE_SIZE; p++) {
        const error = Math.abs(original[start + p] / 255 - rebuilt[start + p]);
        image.data[p * 4] = Math.min(255, error * 2 * 255);
        image.data[p * 4 + 1] = Math.max(0, (error - 0.4) * 1.6 * 255);
        image.data[p * 4 + 2] = 0;
        image.data[p * 4 + 3] = 255;
      }
      context.putImageData(image, 0, 0);
    },
    [original, rebuilt, offset],
  );
  useCanvasPaint(ref, paint);
  return (
    <canvas
      ref={ref}
      className="ll-digit"
      width={IMAGE_SIDE}
      height={IMAGE_SIDE}
      style={{ width: 42, height: 42 }}
      role="img"
      aria-label={label}
    />
  );
});

/** Ten rows, one per digit: each image the model rebuilds worst, above its error map. */
// Memoised: the playground re-renders on every slider move, and 80 error maps need not.
export const WorstReconstructions = memo(function WorstReconstructions({
  worst,
  rebuilt,
  testPixels,
  onOpen,
}: WorstReconstructionsProps) {
  // The worst images' own pixels back to back, so rebuild k lines up with original k.
  const originals = useMemo(() => {
    const flat = worst.flat();
    const out = new Uint8Array(flat.length * IMAGE_SIZE);
    flat.forEach((index, k) =>
      out.set(testPixels.subarray(index * IMAGE_SIZE, (index + 1) * IMAGE_SIZE), k * IMAGE_SIZE),
    );
    return out;
  }, [worst, testPixels]);
  let k = 0;
  return (
    <div className="ll-worst" role="list" aria-label="Worst rebuilt test images, by digit">
      {worst.map((indices, digit) => (
        <div key={digit} className="ll-worst__row" role="listitem">
          <span className="ll-worst__digit">{digit}</span>
          {indices.map((index, position) => {
            const slot = k++;
            return (
              // Keyed by place: after each epoch the same buttons and canvases show the new
              // worst images (a new canvas would cost a fresh 2D context, and a blank frame).
              <button
                key={position}
                type="button"
                className="ll-worst__cell"
                onClick={() => onOpen(index)}
                aria-label={`Test image #${index}, a ${digit}: open it in the per-digit view`}
              >
                <DigitCanvas
                  pixels={testPixels}
                  offset={index}
                  size={42}
                  label={`Test image #${index}`}
                />
                {rebuilt && rebuilt.length >= (slot + 1) * IMAGE_SIZE ? (
                  <ErrorMap
                    original={originals}
                    rebuilt={rebuilt}
                    offset={slot}
                    label={`Where the rebuild of #${index} is wrong`}
                  />
                ) : (
                  <span className="ll-worst__wait" aria-hidden="true">
                    …
                  </span>
                )}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
});
