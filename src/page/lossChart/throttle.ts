/**
 * Runs `action` at most once per `intervalMs`: the first call at once, later calls inside the
 * interval folded into one at its end, so the newest state is always shown in the end.
 */
export interface Throttle {
  call(): void;
  cancel(): void;
}

export function createThrottle(
  action: () => void,
  intervalMs: number,
  now: () => number = () => performance.now(),
): Throttle {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = now();
    action();
  };
  return {
    call() {
      if (timer !== null) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
