/**
 * How the training loop yields to the worker's event loop between steps (so pause, step and stop
 * messages get handled). A MessageChannel round trip is a macrotask that is not throttled:
 * requestAnimationFrame and tf.nextFrame stop in background tabs (tfjs #8610), and nested
 * setTimeout(0) is clamped to 4 ms, which would cost ~30% at 13 ms/step.
 */

export type Schedule = (fn: () => void) => void;

export interface Scheduler {
  schedule: Schedule;
  /** Releases the channel (in Node an open port keeps the process alive). */
  close(): void;
}

export function createScheduler(): Scheduler {
  if (typeof MessageChannel === 'undefined') {
    return { schedule: (fn) => void setTimeout(fn, 0), close: () => undefined };
  }
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    schedule: (fn) => {
      queue.push(fn);
      channel.port2.postMessage(null);
    },
    close: () => {
      channel.port1.onmessage = null;
      channel.port1.close();
      channel.port2.close();
      // Whoever was waiting still gets to run (and find the trainer gone).
      for (const fn of queue.splice(0)) setTimeout(fn, 0);
    },
  };
}
