import { IMAGE_SIZE } from '../../shared/config';
import { DigitCanvas } from '../ui/DigitCanvas';

export interface FilmstripProps {
  /** frames x 784 values in [0, 1]. */
  frames: Float32Array;
  /** What the row shows, e.g. "Through the code"; frames are named after it. */
  label: string;
}

/** A row of small digits, left to right, as one labelled strip. */
export function Filmstrip({ frames, label }: FilmstripProps) {
  const count = Math.floor(frames.length / IMAGE_SIZE);
  return (
    <div className="ll-film" role="group" aria-label={label}>
      <span className="ll-film__label">{label}</span>
      <div className="ll-film__frames">
        {Array.from({ length: count }, (_, k) => (
          <DigitCanvas
            key={k}
            pixels={frames}
            offset={k}
            label={`${label}, frame ${k + 1} of ${count}`}
          />
        ))}
      </div>
    </div>
  );
}
