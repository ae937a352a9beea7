import { useId } from 'react';
import { MODEL_CHOICES, type ModelKind } from '../../shared/config';
import { CHOICE_LABELS, SETTING_INFO } from '../../shared/settings';

export interface ModelKindChoiceProps {
  value: ModelKind;
  /** The running run is of another kind: this waits for the next run. */
  changed: boolean;
  onEdit(value: ModelKind): void;
}

/** What each kind does, in a few words under its name. */
const KIND_LINES: Readonly<Record<ModelKind, string>> = {
  ae: 'Squeezes each digit into a code and draws it again.',
  denoising: 'Given damaged digits, learns to draw the clean ones.',
  vae: 'Codes fill a bell curve, so random codes become new digits.',
};

/**
 * The kind of model, first in the settings because it decides which of the others matter:
 * three radio buttons, each with one line on what that kind does.
 */
export function ModelKindChoice({ value, changed, onEdit }: ModelKindChoiceProps) {
  const name = useId();
  const hintId = useId();
  return (
    <fieldset
      className={`ll-settings__kinds${changed ? ' is-changed' : ''}`}
      aria-describedby={hintId}
    >
      <legend className="ll-settings__label">
        {SETTING_INFO.model.label}
        {changed ? <span className="ll-tag">next run</span> : null}
      </legend>
      <div className="ll-settings__kind-list">
        {MODEL_CHOICES.map((kind) => (
          <label key={kind} className="ll-settings__kind">
            <input
              type="radio"
              name={name}
              value={kind}
              checked={value === kind}
              onChange={() => onEdit(kind)}
            />
            <span className="ll-settings__kind-text">
              <span className="ll-settings__kind-name">{CHOICE_LABELS[kind]}</span>
              <span className="ll-settings__kind-line">{KIND_LINES[kind]}</span>
            </span>
          </label>
        ))}
      </div>
      <p id={hintId} className="ll-settings__hint">
        The settings below follow the kind: noise only for denoising, beta only for a VAE.
      </p>
    </fieldset>
  );
}
