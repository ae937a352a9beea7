/**
 * The page's view of the store, minus the dataset's download progress. That progress arrives
 * many times a second while the digits download; re-rendering the whole page for each message
 * made a long main-thread task every frame. Only the loading panel reads it (DataLoading
 * subscribes to it on its own), so App keeps the state it last rendered while nothing but the
 * progress has moved.
 */
import type { AppState } from '../state/appState';

/** Whether `next` differs from `shown` only in the progress of a download still running. */
export function onlyProgressMoved(shown: AppState, next: AppState): boolean {
  if (shown.data.status !== 'loading' || next.data.status !== 'loading') return false;
  const keys = Object.keys(next) as (keyof AppState)[];
  if (keys.length !== Object.keys(shown).length) return false;
  return keys.every((key) => key === 'data' || shown[key] === next[key]);
}

/** A selector for useStore that returns the same state object while only progress moves. */
export function createPageSelector(): (state: AppState) => AppState {
  let shown: AppState | null = null;
  return (state) => {
    if (shown === null || !onlyProgressMoved(shown, state)) shown = state;
    return shown;
  };
}
