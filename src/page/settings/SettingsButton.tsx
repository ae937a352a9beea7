import type { Ref } from 'react';
import { SETTINGS_DRAWER_ID } from './SettingsDrawer';

export interface SettingsButtonProps {
  ref?: Ref<HTMLButtonElement>;
  open: boolean;
  /** How many settings the next run changes (0: the same as the last run, or the notebook). */
  changes: number;
  onToggle(): void;
}

/** Opens the settings of the next run; a tag says at a glance how many of them change. */
export function SettingsButton({ ref, open, changes, onToggle }: SettingsButtonProps) {
  return (
    <span className="ll-settings-toggle">
      <button
        ref={ref}
        type="button"
        className="ll-btn"
        aria-expanded={open}
        aria-controls={SETTINGS_DRAWER_ID}
        title="Change the settings of the next run"
        onClick={onToggle}
      >
        Settings
      </button>
      {changes > 0 ? (
        <span className="ll-tag ll-settings-toggle__count">
          {changes} {changes === 1 ? 'change' : 'changes'}
        </span>
      ) : null}
    </span>
  );
}
