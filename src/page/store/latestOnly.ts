/**
 * Keeps at most one request in flight and remembers only the newest one waiting. Holding an
 * arrow key asks for new reconstructions many times a second; the worker should rebuild what
 * is on screen now, not work through a queue of screens already gone.
 */
export interface LatestOnly<T> {
  /** Sends now if nothing is in flight; otherwise replaces whatever was waiting. */
  request(payload: T): void;
  /** The answer to the request in flight arrived: send the waiting one, if any. */
  settled(): void;
  /** Forget the request in flight (e.g. the worker restarted and will never answer). */
  reset(): void;
}

export function latestOnly<T>(send: (payload: T) => void): LatestOnly<T> {
  let inFlight = false;
  let waiting: { payload: T } | null = null;
  const request = (payload: T) => {
    if (inFlight) {
      waiting = { payload };
      return;
    }
    inFlight = true;
    send(payload);
  };
  return {
    request,
    settled() {
      inFlight = false;
      const next = waiting;
      waiting = null;
      if (next) request(next.payload);
    },
    reset() {
      inFlight = false;
      waiting = null;
    },
  };
}
