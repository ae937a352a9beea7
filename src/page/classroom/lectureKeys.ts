/**
 * The lecture's keyboard: the training verbs, presenter mode, full screen and the shortcut
 * sheet, in the same key-to-action table as the latent keys, so the sheet prints one list.
 */
import {
  shouldIgnoreKey,
  useKeyBindings,
  type KeyBinding,
  type KeyLike,
} from '../latent/useLatentKeys';

export interface LectureActions {
  /** Train when nothing runs, Pause while running, Resume while paused. */
  trainOrPause(): void;
  step(): void;
  reset(): void;
  stop(): void;
  togglePresenter(): void;
  toggleFullscreen(): void;
  openSheet(): void;
  nextChapter(): void;
  previousChapter(): void;
}

export function lectureKeyBindings(actions: LectureActions): KeyBinding[] {
  return [
    { keys: [' '], description: 'Train, pause or resume', run: () => actions.trainOrPause() },
    { keys: ['.'], description: 'One training step (while paused)', run: () => actions.step() },
    { keys: ['r', 'R'], description: 'Reset to new random weights', run: () => actions.reset() },
    { keys: ['s', 'S'], description: 'Stop the run', run: () => actions.stop() },
    { keys: ['p', 'P'], description: 'Presenter mode on or off', run: actions.togglePresenter },
    { keys: ['f', 'F'], description: 'Full screen on or off', run: actions.toggleFullscreen },
    { keys: ['n', 'N'], description: 'Next chapter', run: () => actions.nextChapter() },
    { keys: ['b', 'B'], description: 'Back to the chapter before', run: actions.previousChapter },
    { keys: ['?'], description: 'Show this list of shortcuts', run: () => actions.openSheet() },
  ];
}

/** How a key is written on the sheet. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = {
    ' ': 'Space',
    ArrowLeft: '←',
    ArrowRight: '→',
  };
  return names[key] ?? key;
}

/** The keys a sheet row shows: "0 – 9" for the digits, one case of each letter. */
export function sheetKeys(binding: KeyBinding): string {
  if (binding.keys.length === 10) return '0 – 9';
  const unique = binding.keys.filter((key) => key === key.toUpperCase() || key.length > 1);
  return (unique.length ? unique : binding.keys).map(keyLabel).join(' or ');
}

/** Elements where Space already means "press this": the key stays theirs. */
const SPACE_OWNERS = new Set(['BUTTON', 'A', 'SUMMARY', 'INPUT', 'SELECT', 'TEXTAREA']);

/**
 * As shouldIgnoreKey, except "?" needs Shift on most keyboards, and Space on a focused button
 * (or checkbox, link) presses that, not the training.
 */
export function ignoreLectureKey(event: KeyLike): boolean {
  // Copied field by field: a KeyboardEvent's fields are getters that a spread would drop.
  const { key, altKey, ctrlKey, metaKey, shiftKey, defaultPrevented, target } = event;
  const unshifted = { key, altKey, ctrlKey, metaKey, defaultPrevented, target };
  if (shouldIgnoreKey({ ...unshifted, shiftKey: key === '?' ? false : shiftKey })) return true;
  const tag = (event.target as { tagName?: unknown } | null)?.tagName;
  return event.key === ' ' && typeof tag === 'string' && SPACE_OWNERS.has(tag.toUpperCase());
}

/** Listens on the window; always calls the newest bindings. */
export function useLectureKeys(bindings: KeyBinding[]): void {
  useKeyBindings(bindings, true, ignoreLectureKey);
}
