/** Point 2 of issue 5: walk the straight line between two codes, beside a plain pixel blend. */
import { memo, useEffect, useMemo, useState } from 'react';
import { Filmstrip } from './Filmstrip';
import { IMAGE_SIZE } from '../../shared/config';
import { crossFade } from '../../shared/latentMath';
import type { Playground, PlaygroundState } from './playground';

export interface InterpolationProps {
  film: PlaygroundState['film'];
  playground: Playground;
  test: { pixels: Uint8Array; labels: Uint8Array };
  /** Changes when the weights behind the codes change: the strip is decoded again. */
  weightsKey: string;
}

export const DEFAULT_STEPS = 10;

const imageAt = (pixels: Uint8Array, index: number) =>
  Float32Array.from(pixels.subarray(index * IMAGE_SIZE, (index + 1) * IMAGE_SIZE), (v) => v / 255);

export const Interpolation = memo(function Interpolation({
  film,
  playground,
  test,
  weightsKey,
}: InterpolationProps) {
  const count = test.labels.length;
  // A 1 and a 7 to begin with: similar strokes, different digits.
  const [a, setA] = useState(() => Math.max(0, test.labels.indexOf(1)));
  const [b, setB] = useState(() => Math.max(0, test.labels.indexOf(7)));
  const [steps, setSteps] = useState(DEFAULT_STEPS);
  const valid = (i: number) => Number.isInteger(i) && i >= 0 && i < count;
  const ok = valid(a) && valid(b) && steps >= 2 && steps <= 20;

  useEffect(() => {
    if (ok && weightsKey) playground.interpolate(a, b, steps);
  }, [playground, a, b, steps, ok, weightsKey]);

  const fade = useMemo(
    () => (ok ? crossFade(imageAt(test.pixels, a), imageAt(test.pixels, b), steps) : null),
    [ok, test.pixels, a, b, steps],
  );

  const field = (label: string, value: number, set: (v: number) => void, max: number, min = 0) => (
    <label className="ll-film__field">
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(event) => set(Math.round(Number(event.target.value)))}
      />
    </label>
  );

  return (
    <div className="ll-interp">
      <div className="ll-interp__fields">
        {field('From test image #', a, setA, count - 1)}
        {field('to test image #', b, setB, count - 1)}
        {field('Frames', steps, setSteps, 20, 2)}
        {ok && (
          <span className="ll-panel__note">
            a {test.labels[a]} to a {test.labels[b]}
          </span>
        )}
      </div>
      {!ok ? (
        <p className="ll-panel__note">
          Choose two test images (0 to {count - 1}) and 2 to 20 frames.
        </p>
      ) : (
        <>
          {film?.frames && film.a === a && film.b === b && film.steps === steps ? (
            <Filmstrip frames={film.frames} label="Through the code" />
          ) : (
            <p className="ll-panel__note">Decoding…</p>
          )}
          {fade && <Filmstrip frames={fade} label="Blending the pixels" />}
        </>
      )}
    </div>
  );
});
