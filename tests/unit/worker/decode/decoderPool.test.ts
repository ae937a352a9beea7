import { describe, expect, it } from 'vitest';
import { DataLoadError, DecodedSizeError } from '../../../../src/worker/data/dataLoadError';
import {
  createDecoderPool,
  laneScheduler,
  type DecodeHelper,
} from '../../../../src/worker/decode/decoderPool';
import {
  toWire,
  type DecodeJob,
  type DecodeReply,
} from '../../../../src/worker/decode/sheetDecodeWire';
import type {
  SheetLayout,
  SheetPixels,
  SheetReader,
} from '../../../../src/worker/decode/sheetPixels';

const png = (tag: number) => new Uint8Array([tag]);
const LAYOUT: SheetLayout = { images: 1, imagesPerRow: 5, width: 3920, height: 1 };
/** A stand-in for a read sheet: one pixel, tagged so each test can tell who read it. */
const pixelsOf = (value: number): SheetPixels => ({
  pixels: new Uint8Array([value]),
  blockSha256: [`digest ${value}`],
});

/** A stand-in for the helper worker: answers each job with `answer`, unless told to crash. */
class FakeHelper implements DecodeHelper {
  jobs: DecodeJob[] = [];
  terminated = false;
  private onMessage: ((event: MessageEvent<DecodeReply>) => void)[] = [];
  private onError: ((event: Event) => void)[] = [];
  constructor(private answer: (job: DecodeJob) => DecodeReply | null) {}

  postMessage(job: DecodeJob): void {
    this.jobs.push(job);
    const reply = this.answer(job);
    if (reply)
      queueMicrotask(() => this.onMessage.forEach((l) => l({ data: reply } as MessageEvent)));
  }
  addEventListener(type: 'message', listener: (event: MessageEvent<DecodeReply>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  addEventListener(
    type: 'message' | 'error',
    listener: ((event: MessageEvent<DecodeReply>) => void) | ((event: Event) => void),
  ): void {
    if (type === 'message') this.onMessage.push(listener as (e: MessageEvent<DecodeReply>) => void);
    else this.onError.push(listener as (event: Event) => void);
  }
  crash(): void {
    this.onError.forEach((l) => l(new Event('error')));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const doubled = (job: DecodeJob): DecodeReply => ({ id: job.id, sheet: pixelsOf(job.png[0] * 2) });
const decodedHere: SheetReader = async (bytes) => pixelsOf(bytes[0] + 100);

describe('laneScheduler', () => {
  it('runs one job per lane at a time and queues the rest in order', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const lane: SheetReader = async (bytes) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      order.push(bytes[0]);
      running -= 1;
      return pixelsOf(bytes[0]);
    };
    const read = laneScheduler([lane, lane]);
    const results = await Promise.all([1, 2, 3, 4, 5].map((tag) => read(png(tag), LAYOUT)));
    expect(most).toBe(2);
    expect(results.map((r) => r.pixels[0])).toEqual([1, 2, 3, 4, 5]);
    expect(order).toHaveLength(5);
  });

  it('frees a lane when its job fails', async () => {
    const read = laneScheduler([async () => Promise.reject(new Error('bad sheet'))]);
    await expect(read(png(1), LAYOUT)).rejects.toThrow('bad sheet');
    await expect(read(png(2), LAYOUT)).rejects.toThrow('bad sheet');
  });
});

describe('createDecoderPool', () => {
  it('decodes in the helpers, which start at once, and ends them on close', async () => {
    const helpers: FakeHelper[] = [];
    const pool = createDecoderPool(() => {
      const helper = new FakeHelper(doubled);
      helpers.push(helper);
      return helper;
    }, decodedHere);
    expect(helpers).toHaveLength(2);
    const [a, b] = await Promise.all([pool.read(png(3), LAYOUT), pool.read(png(4), LAYOUT)]);
    expect([a, b]).toEqual([pixelsOf(6), pixelsOf(8)]);
    expect(helpers.map((h) => h.jobs[0]?.layout)).toEqual([LAYOUT, LAYOUT]);
    expect(helpers.map((h) => h.jobs.length)).toEqual([1, 1]);
    pool.close();
    expect(helpers.every((h) => h.terminated)).toBe(true);
    // After close the sheets are decoded here.
    expect((await pool.read(png(5), LAYOUT)).pixels[0]).toBe(105);
  });

  it('rebuilds a helper’s decoding error as the same kind of error', async () => {
    const size = new FakeHelper((job) => ({
      id: job.id,
      error: toWire(new DecodedSizeError(28, 14)),
    }));
    const pool = createDecoderPool(() => size, decodedHere, 1);
    const error = await pool.read(png(1), LAYOUT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodedSizeError);
    expect(error).toMatchObject({ width: 28, height: 14, found: '28 x 14 pixels' });

    const unsupported = new DataLoadError('', 'unsupported', 'No OffscreenCanvas here.');
    const load = new FakeHelper((job) => ({ id: job.id, error: toWire(unsupported) }));
    const loadError = await createDecoderPool(() => load, decodedHere, 1)
      .read(png(1), LAYOUT)
      .catch((e: unknown) => e);
    expect(loadError).toBeInstanceOf(DataLoadError);
    expect(loadError).toMatchObject({ fault: 'unsupported', message: 'No OffscreenCanvas here.' });
  });

  it('decodes here when a helper dies, both the sheet it had and every later one', async () => {
    const silent = new FakeHelper(() => null);
    const pool = createDecoderPool(() => silent, decodedHere, 1);
    const pending = pool.read(png(7), LAYOUT);
    silent.crash();
    expect((await pending).pixels[0]).toBe(107);
    expect(silent.terminated).toBe(true);
    expect((await pool.read(png(8), LAYOUT)).pixels[0]).toBe(108);
    expect(silent.jobs).toHaveLength(1);
  });

  it('decodes here when helpers cannot start at all', async () => {
    const none = createDecoderPool(() => null, decodedHere);
    expect((await none.read(png(1), LAYOUT)).pixels[0]).toBe(101);
    const throwing = createDecoderPool(() => {
      throw new Error('nested workers are not supported');
    }, decodedHere);
    expect((await throwing.read(png(2), LAYOUT)).pixels[0]).toBe(102);
  });
});
