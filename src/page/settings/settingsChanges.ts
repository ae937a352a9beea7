/**
 * What the next run will do differently: its settings against the last run's (or, before any
 * run, against the notebook's), in words for the settings drawer. Only settings the next run's
 * kind of model reads count (issue 25); one that kind brings in, which the other did not read,
 * is named with its value alone ("Beta 1"). Pure, so it is unit-tested.
 */
import {
  DEFAULT_CONFIG,
  formatCount,
  settingApplies,
  type TrainingConfig,
} from '../../shared/config';
import { CHOICE_LABELS, SETTING_INFO, SETTING_KEYS, type SettingKey } from '../../shared/settings';

export interface SettingChange {
  key: SettingKey;
  label: string;
  /** null: the run compared with did not read this setting (another kind of model). */
  from: string | null;
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
  const changes: SettingChange[] = [];
  for (const key of SETTING_KEYS) {
    if (!settingApplies(key, next.model)) continue;
    const before = settingApplies(key, reference.model);
    if (before && next[key] === reference[key]) continue;
    changes.push({
      key,
      label: SETTING_INFO[key].label,
      from: before ? valueText(reference[key]) : null,
      to: valueText(next[key]),
    });
  }
  return { against: lastRun ? 'last run' : 'notebook', changes };
}

/** "Epochs 10 → 3, Latent size 32 → 2", or null when nothing changes. */
export function changesText({ changes }: NextRunChanges): string | null {
  if (changes.length === 0) return null;
  return changes
    .map((c) => (c.from === null ? `${c.label} ${c.to}` : `${c.label} ${c.from} → ${c.to}`))
    .join(', ');
}
