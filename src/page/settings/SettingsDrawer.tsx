import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { changesText, type NextRunChanges } from './settingsChanges';

export interface SettingsDrawerProps {
  open: boolean;
  onClose(): void;
  /** What the next run changes, said at the top of the drawer and beside its button. */
  changes: NextRunChanges;
  /** The settings panel itself. */
  children: ReactNode;
  /** Where focus goes back to when the drawer closes (the button that opened it). */
  returnFocus: RefObject<HTMLElement | null>;
}

export const SETTINGS_DRAWER_ID = 'll-settings-drawer';

/** "Next run, against the last one: Epochs 1 → 3." */
function changesLine(changes: NextRunChanges): string {
  const text = changesText(changes);
  const against = changes.against === 'last run' ? 'the last run' : 'the notebook';
  return text === null
    ? `The next run uses the same settings as ${against}.`
    : `Against ${against}, the next run changes: ${text}.`;
}

/**
 * The settings of the next run, opened on demand beside whatever chapter is on screen, so the
 * training stays in view while they are edited. Not modal: the page behind still works. Escape
 * or Close puts it away and gives focus back to its button.
 */
export function SettingsDrawer({
  open,
  onClose,
  changes,
  children,
  returnFocus,
}: SettingsDrawerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const changesId = useId();
  const wasOpen = useRef(open);

  const focusWasInside = () => {
    const focused = document.activeElement;
    return focused === null || focused === document.body || !!ref.current?.contains(focused);
  };

  useEffect(() => {
    if (open) ref.current?.focus({ preventScroll: true });
    // Back to the button only when focus was in the drawer (Close, Escape): closed by a new
    // run, focus stays where the reader is (say on Pause, where Space must keep working).
    else if (wasOpen.current && focusWasInside()) {
      returnFocus.current?.focus({ preventScroll: true });
    }
    wasOpen.current = open;
  }, [open, returnFocus]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  return (
    <div
      ref={ref}
      id={SETTINGS_DRAWER_ID}
      className="ll-drawer"
      hidden={!open}
      tabIndex={-1}
      aria-describedby={changesId}
    >
      <div className="ll-drawer__top">
        <p id={changesId} className="ll-drawer__changes" aria-live="polite">
          {changesLine(changes)}
        </p>
        <button type="button" className="ll-btn ll-btn--small" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </div>
  );
}
