/**
 * The header's counters, as both sides of a run use them: a thread counts itself in (mark), and
 * waits until a counter reaches a number (waitForCount). Atomics.wait blocks the worker, which is
 * what the training worker's step and a helper both want while the others work.
 */

/** Adds one to header[slot] and wakes whoever waits on it. */
export function mark(header: Int32Array, slot: number): void {
  Atomics.add(header, slot, 1);
  Atomics.notify(header, slot);
}

/** Blocks until header[slot] reaches `count`; false if `timeoutMs` passed first. */
export function waitForCount(
  header: Int32Array,
  slot: number,
  count: number,
  timeoutMs = Infinity,
): boolean {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const now = Atomics.load(header, slot);
    if (now >= count) return true;
    const left = until - performance.now();
    if (left <= 0 || Atomics.wait(header, slot, now, left) === 'timed-out') return false;
  }
}
