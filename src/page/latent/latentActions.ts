/**
 * The per-digit view's verbs (choose a digit, step, shuffle, scale toggle). They only change
 * page state, never the worker, so they live beside the store rather than in the controller.
 */
import type { AppState } from '../store/appState';
import {
  chooseDigit,
  setPerChartScale,
  shuffleSamples,
  stepSamples,
  type LatentViewState,
} from './latentView';
import type { Store } from '../store/store';

export interface LatentActions {
  chooseDigit(digit: number): void;
  next(): void;
  previous(): void;
  shuffle(): void;
  setPerChartScale(perChart: boolean): void;
}

export function createLatentActions(
  store: Store<AppState>,
  random: () => number = Math.random,
): LatentActions {
  // The user's own clicks and keys: the checkbox and buttons must show their new state at once.
  const update = (change: (view: LatentViewState) => LatentViewState) =>
    store.setState((s) => {
      const latentView = change(s.latentView);
      return latentView === s.latentView ? s : { ...s, latentView };
    }, 'now');
  return {
    chooseDigit: (digit) => update((view) => chooseDigit(view, digit)),
    next: () => update((view) => stepSamples(view, 1)),
    previous: () => update((view) => stepSamples(view, -1)),
    shuffle: () => update((view) => shuffleSamples(view, Math.floor(random() * 2 ** 32))),
    setPerChartScale: (perChart) => update((view) => setPerChartScale(view, perChart)),
  };
}
