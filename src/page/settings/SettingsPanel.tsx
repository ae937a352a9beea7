import { useId } from 'react';
import {
  CHOICE_RULES,
  MODEL_CHOICES,
  NUMERIC_RULES,
  settingApplies,
  type ModelKind,
  type NumericKey,
} from '../../shared/config';
import {
  CHOICE_LABELS,
  PRESETS,
  SETTING_INFO,
  SETTING_KEYS,
  isChoiceSetting,
  type ChoiceSettingKey,
  type SettingErrors,
  type SettingKey,
  type SettingsDraft,
} from '../../shared/settings';
import { Explainer } from '../ui/Explainer';
import { kindWords } from '../training/kindWords';
import { ModelKindChoice } from './ModelKindChoice';

export interface SettingsPanelProps {
  draft: SettingsDraft;
  errors: SettingErrors;
  /** A run is going or paused: changes then wait for the next run (said on screen). */
  runActive: boolean;
  /** Fields whose value differs from the run in progress, to mark them. */
  differsFromRun: SettingKey[];
  onEdit(key: SettingKey, value: string): void;
  onPreset(name: string): void;
}

function choiceField(
  key: ChoiceSettingKey,
  value: string,
  id: string,
  onEdit: SettingsPanelProps['onEdit'],
  describedBy: string,
) {
  return (
    <select
      id={id}
      className="ll-settings__input"
      value={value}
      aria-describedby={describedBy}
      onChange={(event) => onEdit(key, event.target.value)}
    >
      {CHOICE_RULES[key].map((choice) => (
        <option key={choice} value={choice}>
          {CHOICE_LABELS[choice] ?? choice}
        </option>
      ))}
    </select>
  );
}

// One formatter, made once: toLocaleString with options builds a new one on every call, which
// is slow enough to show in the page's start-up (Lighthouse total blocking time).
const LIMIT_FORMAT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 10 });

/** 0.00001 stays 0.00001 (toLocaleString alone would round it to 0); 60000 becomes 60,000. */
function limitText(value: number): string {
  return LIMIT_FORMAT.format(value);
}

/** The hyperparameters of the next run, with their units, limits and what is wrong with them. */
export function SettingsPanel(props: SettingsPanelProps) {
  const { draft, errors, runActive, differsFromRun, onEdit, onPreset } = props;
  const titleId = useId();
  const baseId = useId();
  const problems = SETTING_KEYS.filter((key) => errors[key]);
  // Settings the chosen kind does not read are left out (issue 25); the kind itself leads.
  const model: ModelKind = MODEL_CHOICES.find((m) => m === draft.model) ?? 'ae';
  const fields = SETTING_KEYS.filter((key) => key !== 'model' && settingApplies(key, model));
  const words = kindWords(model);

  return (
    <section className="ll-panel ll-settings" aria-labelledby={titleId}>
      <div className="ll-panel__header">
        <h2 id={titleId} className="ll-panel__title">
          Settings for the next run
        </h2>
        <div className="ll-settings__presets" role="group" aria-label="Presets">
          {PRESETS.map((preset) => (
            <button
              key={preset.name}
              type="button"
              className="ll-btn ll-btn--small"
              title={`Use these settings: ${preset.purpose}`}
              onClick={() => onPreset(preset.name)}
            >
              {preset.name}
            </button>
          ))}
        </div>
      </div>
      {runActive ? (
        <p className="ll-settings__note" role="note">
          A run is going: it keeps the settings it started with. What you change here is used by the
          next run you start.
        </p>
      ) : null}
      <ModelKindChoice
        value={model}
        changed={runActive && differsFromRun.includes('model')}
        onEdit={(value) => onEdit('model', value)}
      />
      <div className="ll-settings__grid">
        {fields.map((key) => {
          const info = SETTING_INFO[key];
          const id = `${baseId}-${key}`;
          const hintId = `${id}-hint`;
          const errorId = `${id}-error`;
          const error = errors[key];
          const describedBy = error ? `${errorId} ${hintId}` : hintId;
          const changed = runActive && differsFromRun.includes(key);
          const rule = isChoiceSetting(key) ? null : NUMERIC_RULES[key as NumericKey];
          return (
            <div
              key={key}
              className={`ll-settings__field${error ? ' is-invalid' : ''}${changed ? ' is-changed' : ''}`}
            >
              <label htmlFor={id} className="ll-settings__label">
                {info.label}
                {changed ? <span className="ll-tag">next run</span> : null}
              </label>
              <div className="ll-settings__control">
                {rule === null ? (
                  choiceField(key as ChoiceSettingKey, draft[key], id, onEdit, describedBy)
                ) : (
                  <input
                    id={id}
                    className="ll-settings__input ll-num"
                    type="text"
                    inputMode={rule.integer ? 'numeric' : 'decimal'}
                    value={draft[key]}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy}
                    onChange={(event) => onEdit(key, event.target.value)}
                  />
                )}
                {info.unit ? <span className="ll-settings__unit">{info.unit}</span> : null}
              </div>
              <p id={hintId} className="ll-settings__hint">
                {info.hint}
                {rule ? ` Allowed: ${limitText(rule.min)} to ${limitText(rule.max)}.` : ''}
              </p>
              {error ? (
                <p id={errorId} className="ll-settings__error">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {problems.length > 0 ? (
        <p className="ll-settings__blocked" role="alert">
          {problems.length === 1 ? 'One setting needs' : `${problems.length} settings need`} fixing
          before a run can start: {problems.map((key) => SETTING_INFO[key].label).join(', ')}.
        </p>
      ) : null}
      <Explainer>
        These are the knobs of the experiment. The one that matters most is the latent size: the
        network must describe each 784-pixel digit with only that many numbers. At{' '}
        {draft.latentDim || '?'} that is{' '}
        {Number(draft.latentDim) > 0
          ? `${(784 / Number(draft.latentDim)).toFixed(1)}x`
          : 'an unknown'}{' '}
        fewer numbers than pixels. Try 2 against 32, or a learning rate of 0.1 against 0.001.
        {words ? ` ${words}` : ''}
      </Explainer>
    </section>
  );
}
