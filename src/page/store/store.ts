/**
 * A tiny external store. State changes apply at once; React is told at most once per display
 * frame, so a burst of worker messages costs one render, and that render is a transition.
 */
import { startTransition, useEffect, useLayoutEffect, useReducer, useRef } from 'react';

export interface Store<S> {
  getState(): S;
  /**
   * `now`: tell React at once, for a change made by the user's own click or key in a store
   * that otherwise waits for the frame (see NotifyMode), or a small one the user is waiting
   * for (the model summary that enables Train).
   */
  setState(update: (state: S) => S, timing?: 'now'): void;
  /** `urgent` is true when the change came from the user's own click or key. */
  subscribe(listener: (urgent: boolean) => void): () => void;
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
  const listeners = new Set<(urgent: boolean) => void>();

  const notify = (urgent: boolean) => {
    if (!urgent) notifyPending = false;
    for (const listener of listeners) listener(urgent);
  };

  return {
    getState: () => state,
    setState(update, timing) {
      const next = update(state);
      if (next === state) return;
      state = next;
      // A frame already scheduled still runs; it finds nothing new to render.
      if (notifyMode === 'sync' || timing === 'now') {
        notify(true);
      } else if (!notifyPending) {
        notifyPending = true;
        scheduleFrame(() => notify(false));
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The part of the store a component shows. `select` must return the same value (Object.is) for
 * the same state, as for useSyncExternalStore.
 *
 * Not useSyncExternalStore: React renders its updates synchronously, in one task, however big.
 * The worker's stream (a whole page of digits arriving, an epoch's end) then blocks the page
 * for a few hundred milliseconds on a slow laptop. Here those updates render as a transition,
 * which React splits into slices and drops for a newer one; only the user's own changes render
 * at once. A component may briefly show a newer state than its neighbour during such a
 * render; the next frame settles it.
 */
export function useStore<S, T>(store: Store<S>, select: (state: S) => T): T {
  const value = select(store.getState());
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  // What this component last rendered, so a change elsewhere in the store costs it nothing.
  const shown = useRef({ select, value });
  useLayoutEffect(() => {
    shown.current = { select, value };
  });
  useEffect(() => {
    const onChange = (urgent: boolean) => {
      const { select: current, value: before } = shown.current;
      if (Object.is(current(store.getState()), before)) return;
      if (urgent) rerender();
      else startTransition(rerender);
    };
    // A change between this render and the subscription would otherwise go unseen.
    onChange(false);
    return store.subscribe(onChange);
  }, [store]);
  return value;
}
