import { useEffect, useState } from 'react';

/** The longest wait for an idle moment: a page that is never idle still gets the work done. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * True from the first idle moment after `wanted` became true, and from then on. For costly work
 * that can wait a moment but should not share a busy stretch (the digits arriving) with it.
 */
export function useIdleLatch(wanted: boolean): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (done || !wanted) return;
    const finish = () => setDone(true);
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(finish, { timeout: IDLE_TIMEOUT_MS });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(finish, 100);
    return () => clearTimeout(timer);
  }, [done, wanted]);
  return done;
}
