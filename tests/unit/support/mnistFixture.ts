/**
 * Test fixtures for the data pipeline: the real MNIST IDX data, a small dataset built by the
 * real build code, an in-memory server for the loader, and a pngjs decoder standing in for
 * the browser's.
 */
import { PNG } from 'pngjs';
import { buildMnistFiles } from '../../../scripts/lib/buildMnistFiles';
import { firstImages, readMnistSource, type MnistSource } from '../../../scripts/lib/mnistSource';
import { manifestText } from '../../../scripts/lib/outputStatus';
import type { MnistManifest } from '../../../src/shared/manifest';
import type { SheetDecoder } from '../../../src/worker/decode/decodeSheet';

let source: Promise<MnistSource> | null = null;

/** The real data, read once per test file. */
export function mnistSource(): Promise<MnistSource> {
  source ??= readMnistSource();
  return source;
}

export interface SmallDataset {
  source: MnistSource;
  manifest: MnistManifest;
  /** Every file by name, manifest.json included. */
  files: Map<string, Uint8Array>;
}

/** 250 train + 120 test digits in sheets of 100: several sheets, including partial ones. */
export async function smallDataset(): Promise<SmallDataset> {
  const real = await mnistSource();
  const splits = firstImages(real.splits, { train: 250, test: 120 });
  const built = buildMnistFiles(splits, { inputs: real.inputs, imagesPerSheet: 100 });
  // Plain copies: pngjs returns Buffers, whose slice() would share memory with the fixture.
  const files = new Map(built.files.map((file) => [file.file, new Uint8Array(file.bytes)]));
  files.set('manifest.json', new TextEncoder().encode(manifestText(built.manifest)));
  return { source: { inputs: real.inputs, splits }, manifest: built.manifest, files };
}

export const BASE_URL = 'https://lab.example/data/mnist/';

type Responder = () => Response | Promise<Response>;

/** Streams bytes in chunks like a real network, so progress has something to report. */
export function streamed(bytes: Uint8Array, chunkSize = 16 * 1024, onClose?: () => void): Response {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        onClose?.();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/octet-stream' } });
}

export interface FakeServer {
  fetch: typeof fetch;
  /** File names in request order. */
  requests: string[];
  /** Largest number of bodies being downloaded at once. */
  maxInFlight: () => number;
  /** Answers requests for `file` with `respond` until cleared. */
  override: (file: string, respond: Responder) => void;
  clear: () => void;
}

export function fakeServer(files: Map<string, Uint8Array>): FakeServer {
  const requests: string[] = [];
  const overrides = new Map<string, Responder>();
  let inFlight = 0;
  let maxInFlight = 0;
  const fakeFetch: typeof fetch = async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(BASE_URL)) throw new TypeError(`Unexpected URL ${url}`);
    const file = url.slice(BASE_URL.length);
    requests.push(file);
    const override = overrides.get(file);
    if (override) return override();
    const bytes = files.get(file);
    if (!bytes) return new Response('Not found', { status: 404 });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return streamed(bytes, 16 * 1024, () => {
      inFlight -= 1;
    });
  };
  return {
    fetch: fakeFetch,
    requests,
    maxInFlight: () => maxInFlight,
    override: (file, respond) => overrides.set(file, respond),
    clear: () => overrides.clear(),
  };
}

/** pngjs in place of createImageBitmap + OffscreenCanvas: it too gives RGBA, gray in R. */
export const pngjsDecode: SheetDecoder = async (png) => {
  const { data } = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  const gray = new Uint8Array(data.length / 4);
  for (let i = 0; i < gray.length; i += 1) gray[i] = data[i * 4];
  return gray;
};

/**
 * Where two byte arrays first differ ("length" if only in length), or null if equal.
 * expect(...).toEqual on 200,000-element typed arrays takes seconds; this takes microseconds.
 */
export function firstDifference(a: Uint8Array, b: Uint8Array): number | 'length' | null {
  if (a.length !== b.length) return 'length';
  if (Buffer.compare(a, b) === 0) return null;
  return a.findIndex((value, i) => value !== b[i]);
}
