import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from '../../../../src/page/lossChart/throttle';

describe('createThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first call at once and folds a burst into one call at the end of the interval', () => {
    const action = vi.fn();
    const throttle = createThrottle(action, 250, () => Date.now());
    throttle.call();
    expect(action).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(10);
      throttle.call();
    }
    expect(action).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(50);
    expect(action).toHaveBeenCalledTimes(2);
    // Nothing more was asked for: nothing more runs.
    vi.advanceTimersByTime(1000);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('runs at once again after a quiet interval, and cancel drops a pending call', () => {
    const action = vi.fn();
    const throttle = createThrottle(action, 250, () => Date.now());
    throttle.call();
    vi.advanceTimersByTime(300);
    throttle.call();
    expect(action).toHaveBeenCalledTimes(2);
    throttle.call();
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(action).toHaveBeenCalledTimes(2);
  });
});
