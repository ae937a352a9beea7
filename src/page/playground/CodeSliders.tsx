import type { CSSProperties } from 'react';

export interface CodeSlidersProps {
  code: Float32Array;
  original: Float32Array;
  /** Each unit's slider range: what the test codes use, with a little room. */
  min: readonly number[];
  max: readonly number[];
  selected: number;
  /** Units the digit relies on most (marked, so students can try them first). */
  reliedOn: readonly number[];
  onChange(unit: number, value: number): void;
  onSelect(unit: number): void;
}

/**
 * The code as a row of upright sliders, one per latent unit: each slider is the unit's bar, so
 * dragging it (or pressing the arrow keys on it) changes that one number of the code.
 */
export function CodeSliders(props: CodeSlidersProps) {
  const { code, original, min, max, selected, reliedOn, onChange, onSelect } = props;
  return (
    <div className="ll-sliders" role="group" aria-label="Latent code: one slider per unit">
      {Array.from(code, (value, unit) => {
        const span = max[unit] - min[unit] || 1;
        // Where the encoder put this unit, drawn as a tick so the change stays visible.
        const tick = { '--ll-tick': `${((original[unit] - min[unit]) / span) * 100}%` };
        const className = [
          'll-sliders__unit',
          unit === selected ? 'll-sliders__unit--selected' : '',
          reliedOn.includes(unit) ? 'll-sliders__unit--relied' : '',
        ].join(' ');
        return (
          <label key={unit} className={className} style={tick as CSSProperties}>
            <input
              type="range"
              className="ll-sliders__input"
              min={min[unit]}
              max={max[unit]}
              step={span / 200}
              value={value}
              aria-label={`Unit ${unit}`}
              aria-valuetext={value.toFixed(2)}
              onFocus={() => onSelect(unit)}
              onPointerDown={() => onSelect(unit)}
              onChange={(event) => onChange(unit, Number(event.target.value))}
            />
            <span className="ll-sliders__name" aria-hidden="true">
              {unit}
            </span>
          </label>
        );
      })}
    </div>
  );
}
