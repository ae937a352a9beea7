/**
 * Keeps the address bar equal to the shareable state: the link's view is applied once at start,
 * then every change is written back with history.replaceState, at most every WRITE_MS (training
 * changes the state every frame; the history should not churn with it).
 */
import { useEffect } from 'react';
import { validateDraft } from '../../shared/settings';
import type { AppState } from '../store/appState';
import type { ClassroomState } from './classroom';
import { latentViewFromShare, searchFromShare, viewFromSearch } from './shareUrl';
import type { Store } from '../store/store';

const WRITE_MS = 400;

/** The query string for what is on screen: the settings as typed when they are valid. */
export function shareSearch(state: AppState, room: ClassroomState): string {
  const config = validateDraft(state.lab.draft, state.config).config ?? state.config;
  const { digit, page, shuffleSeed, perChartScale } = state.latentView;
  return searchFromShare(config, {
    digit,
    sample: page,
    shuffleSeed,
    perChartScale,
    presenter: room.presenter,
    lossTable: room.lossTable,
    qr: room.qr,
  });
}

/** The page as it is now, chapter (#hash) included: the link opens where the lecture is. */
export function shareLink(search: string): string {
  return `${window.location.origin}${window.location.pathname}${search}${window.location.hash}`;
}

export function useShareUrl(store: Store<AppState>, room: Store<ClassroomState>): void {
  useEffect(() => {
    const view = viewFromSearch(window.location.search);
    store.setState((s) => ({ ...s, latentView: latentViewFromShare(view, s.latentView) }));

    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      timer = undefined;
      const search = shareSearch(store.getState(), room.getState());
      if (search === window.location.search) return;
      // The #chapter is kept: a bare "?query" would drop it from the address.
      const { pathname, hash } = window.location;
      window.history.replaceState(window.history.state, '', `${search || pathname}${hash}`);
    };
    // Throttle, not debounce: a debounce would never fire while a run updates every frame.
    const schedule = () => {
      timer ??= setTimeout(write, WRITE_MS);
    };
    const stopStore = store.subscribe(schedule);
    const stopRoom = room.subscribe(schedule);
    return () => {
      stopStore();
      stopRoom();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, room]);
}
