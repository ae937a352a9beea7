/**
 * Reads sprite sheets (decodes and hashes them: sheetPixels.ts) in helper workers.
 * Inflating and checking a 3920 x 2000 sheet is ~60 ms of one core and there are seven, while
 * the rest of the app mostly waits for them: two helpers read two at a time and leave the data
 * worker free to keep the downloads flowing. At most one sheet per helper is in flight, which
 * bounds memory as a one-at-a-time queue would.
 */
import { fromWire, type DecodeJob, type DecodeReply } from './sheetDecodeWire';
import type { SheetPixels, SheetReader } from './sheetPixels';

/** The part of a Worker the pool uses, so tests can stand in for one. */
export interface DecodeHelper {
  postMessage(job: DecodeJob): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DecodeReply>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface DecoderPool {
  read: SheetReader;
  /** Ends the helpers; decoding afterwards runs on this thread. */
  close(): void;
}

/** Runs each read on whichever lane is free, first come first served. */
export function laneScheduler(lanes: SheetReader[]): SheetReader {
  const idle = [...lanes];
  const waiting: ((lane: SheetReader) => void)[] = [];
  const release = (lane: SheetReader) => {
    const next = waiting.shift();
    if (next) next(lane);
    else idle.push(lane);
  };
  return async (png, layout) => {
    const lane = idle.shift() ?? (await new Promise<SheetReader>((r) => waiting.push(r)));
    try {
      return await lane(png, layout);
    } finally {
      release(lane);
    }
  };
}

/**
 * A lane that reads in a helper worker, started by `start` or on first use. If the helper
 * cannot start or dies, its sheets (and every later one) are read by `fallback` instead: a
 * missing helper makes loading slower, never failing.
 */
export function helperLane(
  spawn: () => DecodeHelper | null,
  fallback: SheetReader,
): { lane: SheetReader; start(): void; close(): void } {
  let helper: DecodeHelper | null = null;
  let lost = false;
  let nextId = 0;
  const pending = new Map<
    number,
    { job: DecodeJob; settle: (result: Promise<SheetPixels>) => void }
  >();

  const giveUp = () => {
    lost = true;
    helper?.terminate();
    helper = null;
    for (const { job, settle } of pending.values()) {
      settle(fallback(job.png, job.layout));
    }
    pending.clear();
  };

  const start = (): DecodeHelper | null => {
    if (helper || lost) return helper;
    try {
      helper = spawn();
    } catch {
      helper = null;
    }
    if (!helper) {
      lost = true;
      return null;
    }
    helper.addEventListener('message', ({ data }) => {
      const waiter = pending.get(data.id);
      if (!waiter) return;
      pending.delete(data.id);
      waiter.settle(
        'sheet' in data ? Promise.resolve(data.sheet) : Promise.reject(fromWire(data.error)),
      );
    });
    // A script that fails to load or a crash: nothing more will come back from this helper.
    helper.addEventListener('error', giveUp);
    return helper;
  };

  const lane: SheetReader = (png, layout) => {
    const worker = start();
    if (!worker) return fallback(png, layout);
    const job = { id: nextId++, png, layout };
    return new Promise<SheetPixels>((resolve, reject) => {
      pending.set(job.id, { job, settle: (result) => result.then(resolve, reject) });
      // Copied, not transferred: the loader keeps the bytes until the sheet is placed, so a
      // failed decode can be retried without downloading the sheet again.
      worker.postMessage(job);
    });
  };

  return { lane, start: () => void start(), close: giveUp };
}

/** Two lanes use both cores of a small laptop; more only share them. */
const HELPERS = 2;

/**
 * `readHere` runs a helper's sheets when that helper cannot start or dies; it should read one
 * sheet at a time.
 */
export function createDecoderPool(
  spawn: () => DecodeHelper | null,
  readHere: SheetReader,
  helpers = HELPERS,
): DecoderPool {
  const lanes = Array.from({ length: helpers }, () => helperLane(spawn, readHere));
  // Started now, while the files download: a worker takes a few hundred ms to start on a
  // busy two-core machine, and the first sheet arrives about then.
  for (const lane of lanes) lane.start();
  return {
    read: laneScheduler(lanes.map((lane) => lane.lane)),
    close: () => lanes.forEach((lane) => lane.close()),
  };
}
