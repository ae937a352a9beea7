/** Tiny concurrency helpers for the loader: no dependency needed for either. */

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
      try {
        await tasks[index]();
        results[index] = { status: 'fulfilled', value: undefined };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

/**
 * `task` with calls run one after another, each starting when the one before has settled:
 * decoding one 2800x2800 sheet at a time on a thread bounds its peak memory.
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
