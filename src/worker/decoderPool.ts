/**
 * Decodes sprite sheets in helper workers. Inflating a 2800 x 2800 sheet is ~100 ms of one
 * core and there are seven, while the rest of the app mostly waits for them: two helpers
 * decode two at a time and leave the data worker free to keep the downloads flowing. At most
 * one sheet per helper is in flight, which bounds memory as a one-at-a-time queue would.
 */
import type { SheetDecoder } from './decodeSheet';
import { fromWire, type DecodeJob, type DecodeReply } from './sheetDecodeWire';

/** The part of a Worker the pool uses, so tests can stand in for one. */
export interface DecodeHelper {
  postMessage(job: DecodeJob): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DecodeReply>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface DecoderPool {
  decode: SheetDecoder;
  /** Ends the helpers; decoding afterwards runs on this thread. */
  close(): void;
}

/** Runs each decode on whichever lane is free, first come first served. */
export function laneScheduler(lanes: SheetDecoder[]): SheetDecoder {
  const idle = [...lanes];
  const waiting: ((lane: SheetDecoder) => void)[] = [];
  const release = (lane: SheetDecoder) => {
    const next = waiting.shift();
    if (next) next(lane);
    else idle.push(lane);
  };
  return async (png, width, height) => {
    const lane = idle.shift() ?? (await new Promise<SheetDecoder>((r) => waiting.push(r)));
    try {
      return await lane(png, width, height);
    } finally {
      release(lane);
    }
  };
}

/**
 * A lane that decodes in a helper worker, started by `start` or on first use. If the helper
 * cannot start or dies, its sheets (and every later one) are decoded by `fallback` instead: a
 * missing helper makes loading slower, never failing.
 */
export function helperLane(
  spawn: () => DecodeHelper | null,
  fallback: SheetDecoder,
): { lane: SheetDecoder; start(): void; close(): void } {
  let helper: DecodeHelper | null = null;
  let lost = false;
  let nextId = 0;
  const pending = new Map<
    number,
    { job: DecodeJob; settle: (result: Promise<Uint8Array>) => void }
  >();

  const giveUp = () => {
    lost = true;
    helper?.terminate();
    helper = null;
    for (const { job, settle } of pending.values()) {
      settle(fallback(job.png, job.width, job.height));
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
        'gray' in data ? Promise.resolve(data.gray) : Promise.reject(fromWire(data.error)),
      );
    });
    // A script that fails to load or a crash: nothing more will come back from this helper.
    helper.addEventListener('error', giveUp);
    return helper;
  };

  const lane: SheetDecoder = (png, width, height) => {
    const worker = start();
    if (!worker) return fallback(png, width, height);
    const job = { id: nextId++, png, width, height };
    return new Promise<Uint8Array>((resolve, reject) => {
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
 * `decodeHere` runs a helper's sheets when that helper cannot start or dies; it should decode
 * one sheet at a time.
 */
export function createDecoderPool(
  spawn: () => DecodeHelper | null,
  decodeHere: SheetDecoder,
  helpers = HELPERS,
): DecoderPool {
  const lanes = Array.from({ length: helpers }, () => helperLane(spawn, decodeHere));
  // Started now, while the files download: a worker takes a few hundred ms to start on a
  // busy two-core machine, and the first sheet arrives about then.
  for (const lane of lanes) lane.start();
  return {
    decode: laneScheduler(lanes.map((lane) => lane.lane)),
    close: () => lanes.forEach((lane) => lane.close()),
  };
}
