import { useId } from 'react';
import { formatInt } from '../ui/format';

export interface TimelineScrubberProps {
  /** The steps whose rebuilds were kept, in order. */
  steps: number[];
  stepsPerEpoch: number | null;
  /** Which one is shown; null = the latest (live while training). */
  index: number | null;
  onScrub(index: number | null): void;
}

function momentText(step: number, stepsPerEpoch: number | null): string {
  if (step === 0) return 'step 0 (before any training)';
  const epochs = stepsPerEpoch ? step / stepsPerEpoch : NaN;
  const epochText = Number.isInteger(epochs) ? `, end of epoch ${epochs}` : '';
  return `step ${formatInt(step)}${epochText}`;
}

/** Replays the kept rebuilds: drag from the first step to the last to watch them sharpen. */
export function TimelineScrubber({ steps, stepsPerEpoch, index, onScrub }: TimelineScrubberProps) {
  const id = useId();
  if (steps.length === 0) {
    // The same two lines as a filled timeline, so nothing below moves when a run starts.
    return (
      <div className="ll-timeline">
        <label htmlFor={id} className="ll-timeline__label">
          Timeline
        </label>
        <input id={id} className="ll-timeline__range" type="range" min={0} max={0} disabled />
        <span className="ll-timeline__where">Fills in as a run trains.</span>
      </div>
    );
  }
  const last = steps.length - 1;
  const shown = index === null ? last : Math.min(index, last);
  const text = momentText(steps[shown], stepsPerEpoch);
  return (
    <div className="ll-timeline">
      <label htmlFor={id} className="ll-timeline__label">
        Timeline
      </label>
      <input
        id={id}
        className="ll-timeline__range"
        type="range"
        min={0}
        max={last}
        step={1}
        value={shown}
        aria-valuetext={text}
        onChange={(event) => {
          const next = Number(event.target.value);
          // Back at the end: follow the newest pictures again.
          onScrub(next >= last ? null : next);
        }}
      />
      <span className="ll-timeline__where ll-num">
        {shown + 1} of {steps.length}: {text}
      </span>
      {index !== null ? (
        <button type="button" className="ll-btn ll-btn--small" onClick={() => onScrub(null)}>
          Latest
        </button>
      ) : null}
    </div>
  );
}
