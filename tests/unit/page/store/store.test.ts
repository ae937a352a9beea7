import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../../../src/page/store/store';

describe('createStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // The page's store waits for a display frame; in Node, a visible document with frames.
    vi.stubGlobal('document', { visibilityState: 'visible' });
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('tells listeners once per frame about a burst of worker-fed changes', () => {
    const store = createStore({ steps: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    for (let i = 0; i < 5; i++) store.setState((s) => ({ steps: s.steps + 1 }));
    expect(listener).not.toHaveBeenCalled();
    expect(store.getState().steps).toBe(5);
    vi.advanceTimersByTime(16);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("tells listeners at once about the user's own change ('now'), and in 'sync' mode", () => {
    const store = createStore({ checked: true });
    const listener = vi.fn();
    store.subscribe(listener);
    store.setState(() => ({ checked: false }), 'now');
    expect(listener).toHaveBeenCalledTimes(1);

    const userStore = createStore({ open: false }, 'sync');
    const userListener = vi.fn();
    userStore.subscribe(userListener);
    userStore.setState(() => ({ open: true }));
    expect(userListener).toHaveBeenCalledTimes(1);
  });

  it('does not notify when the update returns the same state', () => {
    const store = createStore({ n: 1 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.setState((s) => s, 'now');
    vi.advanceTimersByTime(100);
    expect(listener).not.toHaveBeenCalled();
  });
});
