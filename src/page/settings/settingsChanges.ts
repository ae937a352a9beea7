/**
 * What the next run will do differently: its settings against the last run's (or, before any
 * run, against the notebook's), in words for the settings drawer. Pure, so it is unit-tested.
 */
import { DEFAULT_CONFIG, formatCount, type TrainingConfig } from '../../shared/config';
import { CHOICE_LABELS, SETTING_INFO, SETTING_KEYS, type SettingKey } from '../../shared/settings';

export interface SettingChange {
  key: SettingKey;
  label: string;
  from: string;
  to: string;
}

export interface NextRunChanges {
  /** What the next run is compared with. */
  against: 'last run' | 'notebook';
  changes: SettingChange[];
}

function valueText(value: TrainingConfig[SettingKey]): string {
  if (typeof value === 'number') return formatCount(value);
  return CHOICE_LABELS[value]?.replace(/ \(notebook\)$/, '') ?? value;
}

/** `next` (the settings as typed, once valid) against `lastRun`, or the defaults before any. */
export function nextRunChanges(
  next: TrainingConfig,
  lastRun: TrainingConfig | null,
): NextRunChanges {
  const reference = lastRun ?? DEFAULT_CONFIG;
  const changes = SETTING_KEYS.filter((key) => next[key] !== reference[key]).map((key) => ({
    key,
    label: SETTING_INFO[key].label,
    from: valueText(reference[key]),
    to: valueText(next[key]),
  }));
  return { against: lastRun ? 'last run' : 'notebook', changes };
}

/** "Epochs 10 → 3, Latent size 32 → 2", or null when nothing changes. */
export function changesText({ changes }: NextRunChanges): string | null {
  if (changes.length === 0) return null;
  return changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join(', ');
}
