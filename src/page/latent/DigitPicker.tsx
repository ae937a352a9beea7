export interface DigitPickerProps {
  digit: number;
  onChoose: (digit: number) => void;
  /** Test images per digit, shown under each button when known. */
  counts?: readonly number[];
}

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Ten toggle buttons, one per digit; the number keys do the same (see useLatentKeys). */
export function DigitPicker({ digit, onChoose, counts }: DigitPickerProps) {
  return (
    <div className="ll-digit-picker" role="group" aria-label="Choose a digit (or press 0-9)">
      {DIGITS.map((d) => (
        <button
          key={d}
          type="button"
          className="ll-digit-picker__button"
          aria-pressed={d === digit}
          title={
            counts ? `Digit ${d}: ${counts[d].toLocaleString('en-US')} test images` : `Digit ${d}`
          }
          onClick={() => onChoose(d)}
        >
          {d}
        </button>
      ))}
    </div>
  );
}
