/**
 * The training worker's helper workers and the memory it shares with them. A helper starts tfjs
 * on WebAssembly once, then for each run is handed a shared buffer (attach) and serves steps from
 * it until the next run takes its place. Steps are started and awaited through Atomics on the
 * buffer's header, not messages: a message round trip per step would cost more than the maths.
 */
import type { FromHelper, ToHelper } from './helperMessages';
import {
  COMMAND,
  HEADER,
  sharedLayout,
  type SharedDescription,
  type SharedLayout,
} from './sharedLayout';

/** A helper that has not answered by then is taken for dead (a step takes milliseconds). */
const STEP_TIMEOUT_MS = 30_000;

export interface SharedRun {
  readonly description: SharedDescription;
  readonly layout: SharedLayout;
  readonly buffer: SharedArrayBuffer;
  /** Starts every helper on a batch of `rows` (weights and pixels already in the buffer). */
  start(rows: number): void;
  /** Blocks until every helper is done; throws if one failed or stopped answering. */
  finish(): void;
}

export interface ComputePool {
  readonly helpers: number;
  /** True once every helper has tfjs running; false if one could not start. */
  readonly ready: Promise<boolean>;
  isReady(): boolean;
  /** A shared buffer for a run of this shape, served by the first `description.helpers` helpers. */
  attach(description: SharedDescription): SharedRun;
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

function sharedRun(description: SharedDescription, workers: Worker[]): OwnedRun {
  const layout = sharedLayout(description);
  const buffer = new SharedArrayBuffer(layout.bytes);
  const header = layout.header(buffer);
  workers.slice(0, description.helpers).forEach((worker, index) => {
    const message: ToHelper = { type: 'attach', buffer, description, index };
    worker.postMessage(message);
  });
  const signal = (command: number) => {
    Atomics.store(header, HEADER.command, command);
    Atomics.add(header, HEADER.generation, 1);
    Atomics.notify(header, HEADER.generation);
  };
  return {
    description,
    layout,
    buffer,
    start(rows) {
      Atomics.store(header, HEADER.done, 0);
      Atomics.store(header, HEADER.failed, 0);
      Atomics.store(header, HEADER.rows, rows);
      signal(COMMAND.step);
    },
    finish() {
      for (;;) {
        const done = Atomics.load(header, HEADER.done);
        if (done >= description.helpers) break;
        if (Atomics.wait(header, HEADER.done, done, STEP_TIMEOUT_MS) === 'timed-out') {
          throw new Error('a helper thread stopped answering');
        }
      }
      if (Atomics.load(header, HEADER.failed) !== 0) {
        throw new Error('a helper thread failed while computing its part of the batch');
      }
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
    attach(description) {
      if (description.helpers > helpers) throw new Error('more helpers asked for than started');
      current?.release();
      current = sharedRun(description, workers);
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
