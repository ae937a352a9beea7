/**
 * The training worker's helper workers and the memory it shares with them. A helper starts tfjs
 * on WebAssembly once, then for each run is handed a shared buffer (attach) and serves it until
 * the next run takes its place. Work is handed out and awaited through Atomics on the buffer's
 * header, not messages: a message round trip per step would cost more than the maths.
 */
import type { FromHelper, ToHelper } from './helperMessages';
import { mark, waitForCount } from './counters';
import { COMMAND, HEADER, type SharedDescription } from './sharedLayout';

/** A helper that has not answered by then is taken for dead (a step takes milliseconds). */
const WAIT_TIMEOUT_MS = 30_000;

const HELPER_FAILED = 'a helper thread failed while computing its part of the batch';

export interface SharedRun {
  /**
   * Every helper computes the gradients of its slice of a batch of `rows` (pixels in place), the
   * training worker keeping the first `firstRows` (slices.ts, sliceBatch).
   */
  startGradients(rows: number, step: number, firstRows: number): void;
  /** True when every helper's gradients are already written (no wait needed). */
  gradientsDone(): boolean;
  /**
   * The training worker's gradients are written: counts them in, which lets each helper that is
   * done go straight on to its range of the Adam update, and blocks until every helper's
   * gradients are written too. Throws if one failed or went silent.
   */
  joinGradients(): void;
  /** Blocks until every helper has applied Adam to its range of the parameters. */
  waitUpdate(): void;
  /**
   * The training worker could not compute its part: counts it in as failed (the helpers then
   * skip the update) and waits for the helpers to finish the step, so the next can start clean.
   */
  abandon(): void;
}

export interface ComputePool {
  readonly helpers: number;
  /** True once every helper has tfjs running; false if one could not start. */
  readonly ready: Promise<boolean>;
  isReady(): boolean;
  /**
   * Hands `buffer` (laid out for `description`) to the first description.threads − 1 helpers,
   * taking them from any other run.
   */
  attach(description: SharedDescription, buffer: SharedArrayBuffer): SharedRun;
  /** False once another attach took the helpers away from `run`. */
  isCurrent(run: SharedRun): boolean;
  dispose(): void;
}

type Spawn = () => Worker;

/** A run as the pool holds it: it can also send the helpers back to their messages. */
interface OwnedRun extends SharedRun {
  release(): void;
}

function waitReady(worker: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<FromHelper>) => {
      if (event.data.type === 'ready') resolve(true);
      if (event.data.type === 'failed') resolve(false);
    });
    worker.addEventListener('error', () => resolve(false));
  });
}

/** Blocks until header[slot] reaches `count`; throws if a helper failed. */
function waitFor(header: Int32Array, slot: number, count: number): void {
  waitQuietly(header, slot, count);
  if (Atomics.load(header, HEADER.failed) !== 0) {
    throw new Error(HELPER_FAILED);
  }
}

/** Blocks until header[slot] reaches `count`, whatever the helpers said of their work. */
function waitQuietly(header: Int32Array, slot: number, count: number): void {
  if (!waitForCount(header, slot, count, WAIT_TIMEOUT_MS)) {
    throw new Error('a helper thread stopped answering');
  }
}

function sharedRun(
  description: SharedDescription,
  buffer: SharedArrayBuffer,
  workers: Worker[],
): OwnedRun {
  const header = new Int32Array(buffer, 0, 8);
  const helpers = description.threads - 1;
  const generation = Atomics.load(header, HEADER.generation);
  workers.slice(0, helpers).forEach((worker, index) => {
    const message: ToHelper = { type: 'attach', buffer, description, index, generation };
    worker.postMessage(message);
  });
  const arrive = () => mark(header, HEADER.done);
  const signal = (command: number) => {
    Atomics.store(header, HEADER.command, command);
    Atomics.add(header, HEADER.generation, 1);
    Atomics.notify(header, HEADER.generation);
  };
  return {
    startGradients(rows, step, firstRows) {
      Atomics.store(header, HEADER.done, 0);
      Atomics.store(header, HEADER.updated, 0);
      Atomics.store(header, HEADER.failed, 0);
      Atomics.store(header, HEADER.rows, rows);
      Atomics.store(header, HEADER.step, step);
      Atomics.store(header, HEADER.firstRows, firstRows);
      signal(COMMAND.gradients);
    },
    gradientsDone: () => Atomics.load(header, HEADER.done) >= helpers,
    joinGradients() {
      arrive();
      waitQuietly(header, HEADER.done, helpers + 1);
      if (Atomics.load(header, HEADER.failed) === 0) return;
      // The helpers skip the update; let them finish the step before the run gives up.
      waitQuietly(header, HEADER.updated, helpers);
      throw new Error(HELPER_FAILED);
    },
    waitUpdate: () => waitFor(header, HEADER.updated, helpers),
    abandon() {
      Atomics.store(header, HEADER.failed, 1);
      arrive();
      waitQuietly(header, HEADER.updated, helpers);
    },
    // When the next run takes over: the helpers go back to their messages.
    release: () => signal(COMMAND.release),
  };
}

export function createComputePool(helpers: number, spawn: Spawn): ComputePool {
  const workers = Array.from({ length: helpers }, spawn);
  let readyNow = false;
  const ready = Promise.all(workers.map(waitReady)).then((all) => {
    readyNow = all.every(Boolean);
    return readyNow;
  });
  let current: OwnedRun | null = null;
  return {
    helpers,
    ready,
    isReady: () => readyNow,
    attach(description, buffer) {
      if (description.threads - 1 > helpers) throw new Error('more threads asked for than started');
      current?.release();
      current = sharedRun(description, buffer, workers);
      return current;
    },
    isCurrent: (run) => run === current,
    dispose() {
      current?.release();
      current = null;
      for (const worker of workers) worker.terminate();
    },
  };
}
