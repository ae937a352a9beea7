/**
 * The page's view of the store, minus what App never shows itself:
 * - the dataset's download progress, which arrives many times a second while the digits
 *   download; re-rendering the whole page for each message made a long main-thread task every
 *   frame. Only the loading panel reads it (DataLoading subscribes to it on its own).
 * - the test split's copy, which only the latent and playground sections read (they subscribe
 *   to it themselves). It arrives just as the page renders the ready data, and a second
 *   whole-page render would only hold that up.
 * App keeps the state it last rendered while nothing else has moved.
 */
import type { AppState } from '../store/appState';

/** Whether `next` differs from `shown` only in what App does not show (see above). */
export function onlyUnshownMoved(shown: AppState, next: AppState): boolean {
  const keys = Object.keys(next) as (keyof AppState)[];
  if (keys.length !== Object.keys(shown).length) return false;
  const stillLoading = shown.data.status === 'loading' && next.data.status === 'loading';
  return keys.every(
    (key) => shown[key] === next[key] || key === 'testSet' || (key === 'data' && stillLoading),
  );
}

/** A selector for useStore that returns the same state object while only those have moved. */
export function createPageSelector(): (state: AppState) => AppState {
  let shown: AppState | null = null;
  return (state) => {
    if (shown === null || !onlyUnshownMoved(shown, state)) shown = state;
    return shown;
  };
}
