/**
 * A tiny external store for useSyncExternalStore. State changes apply at once; React is told
 * at most once per display frame, so a burst of worker messages costs one render.
 */
import { useSyncExternalStore } from 'react';

export interface Store<S> {
  getState(): S;
  /**
   * `now`: tell React at once, for a change made by the user's own click or key in a store
   * that otherwise waits for the frame (see NotifyMode).
   */
  setState(update: (state: S) => S, timing?: 'now'): void;
  subscribe(listener: () => void): () => void;
}

function scheduleFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    requestAnimationFrame(callback);
  } else {
    // Hidden tabs get no animation frames; keep the state fresh for when the tab returns.
    setTimeout(callback, 100);
  }
}

/**
 * `frame` (the default) suits state fed by the worker's stream of messages. `sync` suits state
 * changed only by the user's own clicks and keys: a controlled checkbox must see its new value
 * in the same event, or React puts the old one back until the next frame.
 */
export type NotifyMode = 'frame' | 'sync';

export function createStore<S>(initial: S, notifyMode: NotifyMode = 'frame'): Store<S> {
  let state = initial;
  let notifyPending = false;
  const listeners = new Set<() => void>();

  const notify = () => {
    notifyPending = false;
    for (const listener of listeners) listener();
  };

  return {
    getState: () => state,
    setState(update, timing) {
      const next = update(state);
      if (next === state) return;
      state = next;
      // A frame already scheduled still runs; it finds nothing new to render.
      if (notifyMode === 'sync' || timing === 'now') {
        notify();
      } else if (!notifyPending) {
        notifyPending = true;
        scheduleFrame(notify);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<S, T>(store: Store<S>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
