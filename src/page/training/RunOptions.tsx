import { useId } from 'react';
import { formatLoss } from '../ui/format';

/** Slow-motion choices, steps per second; null = as fast as the computer goes. */
export const SPEEDS: readonly (number | null)[] = [null, 20, 10, 5, 2, 1];

export type PretrainedView =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'loaded'; fileValLoss: number; measuredValLoss: number | null; checking: boolean }
  | { status: 'error'; message: string };

export interface RunOptionsProps {
  startFrom: 'fresh' | 'current';
  /** What the current weights are ("pretrained", "latent 2"...), or null when fresh. */
  weightsLabel: string | null;
  /** Why the current weights cannot be trained further now, or null. */
  continueBlocked: string | null;
  /** A run is going or paused: these choices then wait. */
  runActive: boolean;
  dataReady: boolean;
  speed: number | null;
  pretrained: PretrainedView;
  onStartFrom(from: 'fresh' | 'current'): void;
  onSpeed(stepsPerSecond: number | null): void;
  onLoadPretrained(): void;
}

function speedText(speed: number | null): string {
  if (speed === null) return 'Full speed';
  return `${speed} ${speed === 1 ? 'step' : 'steps'} per second`;
}

/** Where Train starts from, slow motion, and the pretrained model. */
export function RunOptions(props: RunOptionsProps) {
  const { startFrom, weightsLabel, continueBlocked, runActive, dataReady, speed } = props;
  const { pretrained, onStartFrom, onSpeed, onLoadPretrained } = props;
  const speedId = useId();
  const groupName = useId();
  const canContinue = continueBlocked === null;

  return (
    <div className="ll-runopts">
      <fieldset className="ll-runopts__from" disabled={runActive}>
        <legend>Train starts from</legend>
        <label className="ll-toggle">
          <input
            type="radio"
            name={groupName}
            checked={startFrom === 'fresh'}
            onChange={() => onStartFrom('fresh')}
          />
          Fresh random weights (from scratch)
        </label>
        <label className="ll-toggle">
          <input
            type="radio"
            name={groupName}
            checked={startFrom === 'current'}
            disabled={!canContinue}
            onChange={() => onStartFrom('current')}
          />
          {weightsLabel && canContinue
            ? `The current weights (“${weightsLabel}”): keep training them`
            : 'The current weights: keep training them'}
        </label>
        {!canContinue && startFrom === 'current' ? (
          <p className="ll-runopts__why" role="alert">
            Cannot keep training: {continueBlocked}.
          </p>
        ) : !canContinue ? (
          <p className="ll-runopts__why">Not available: {continueBlocked}.</p>
        ) : null}
      </fieldset>

      <div className="ll-runopts__speed">
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          value={speed === null ? 'full' : String(speed)}
          onChange={(event) =>
            onSpeed(event.target.value === 'full' ? null : Number(event.target.value))
          }
        >
          {SPEEDS.map((s) => (
            <option key={s ?? 'full'} value={s === null ? 'full' : String(s)}>
              {speedText(s)}
            </option>
          ))}
        </select>
        {speed !== null ? (
          <span className="ll-runopts__hint">Slow motion: every step is shown.</span>
        ) : null}
      </div>

      <div className="ll-runopts__pretrained">
        <button
          type="button"
          className="ll-btn"
          disabled={!dataReady || runActive || pretrained.status === 'loading'}
          title="Load a network already trained for 10 epochs with the notebook's settings"
          onClick={onLoadPretrained}
        >
          Load pretrained
        </button>
        <p className="ll-runopts__status" aria-live="polite">
          {pretrained.status === 'loading' ? 'Loading the pretrained network…' : null}
          {pretrained.status === 'error' ? pretrained.message : null}
          {pretrained.status === 'loaded' ? (
            <>
              Pretrained network loaded (10 epochs, notebook settings).{' '}
              {pretrained.checking
                ? 'Measuring its validation loss here…'
                : pretrained.measuredValLoss === null
                  ? `Validation loss when it was made: ${formatLoss(pretrained.fileValLoss)}.`
                  : `Validation loss measured in this browser: ${formatLoss(pretrained.measuredValLoss)}.`}
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}
