/** Tiny concurrency helpers for the loader: no dependency needed for any of them. */

/**
 * Runs every task with at most `limit` in flight and waits for all of them, failed or not, so
 * one bad file does not stop the others from arriving (and being cached for a retry).
 */
export async function settleAll(
  tasks: (() => Promise<void>)[],
  limit: number,
): Promise<PromiseSettledResult<void>[]> {
  const results: PromiseSettledResult<void>[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await settled(tasks[index]());
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

/**
 * A promise that never rejects: its outcome, as Promise.allSettled reports it, can be read
 * later without the rejection counting as unhandled in between.
 */
export function settled<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}

/**
 * `task` with calls run one after another, each starting when the one before has settled:
 * decoding one 3920 x 2000 sheet at a time on a thread bounds its peak memory.
 */
export function oneAtATime<A extends unknown[], T>(
  task: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const job = () => task(...args);
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
