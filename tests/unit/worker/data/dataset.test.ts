import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  DataLoadError,
  createDatasetLoader,
  type DataProgress,
} from '../../../../src/worker/data/dataset';
import { DecodedSizeError, type SheetDecoder } from '../../../../src/worker/decode/decodeSheet';
import { joinChunks } from '../../../../src/worker/data/pixelChunks';
import { sheetReader } from '../../../../src/worker/decode/sheetPixels';
import {
  BASE_URL,
  fakeServer,
  firstDifference,
  pngjsDecode,
  smallDataset,
  streamed,
  type SmallDataset,
} from '../../support/mnistFixture';

let data: SmallDataset;
beforeAll(async () => {
  data = await smallDataset();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (file: string) => data.files.get(file) ?? new Uint8Array();

function loaderFor(fetch: typeof globalThis.fetch, decode: SheetDecoder = pngjsDecode) {
  // One try per file: these tests are about how each fault is named (retry.test.ts covers retries).
  return createDatasetLoader({
    baseUrl: BASE_URL,
    fetch,
    read: sheetReader(decode),
    timeoutMs: 200,
    retry: { attempts: 1, baseDelayMs: 0 },
  });
}

/** Runs a load that must fail and returns its DataLoadError. */
async function failure(promise: Promise<unknown>): Promise<DataLoadError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DataLoadError);
  return error as DataLoadError;
}

const ignore = () => undefined;

describe('createDatasetLoader', () => {
  it('loads pixels and labels identical to the IDX data, and reports byte progress', async () => {
    const server = fakeServer(data.files);
    const progress: DataProgress[] = [];
    const mnist = await loaderFor(server.fetch).load((p) => progress.push(p));

    for (const name of ['train', 'test'] as const) {
      expect(mnist[name].count).toBe(data.source.splits[name].count);
      expect(firstDifference(joinChunks(mnist[name]), data.source.splits[name].pixels)).toBeNull();
      expect(firstDifference(mnist[name].labels, data.source.splits[name].labels)).toBeNull();
      // Each sheet's digest is that of its images in the IDX data, and the sheets cover the split.
      const sheets = mnist.pixelDigests.filter((sheet) => sheet.split === name);
      expect(sheets.map((sheet) => sheet.file)).toEqual(
        data.manifest.splits[name].sheets.map((sheet) => sheet.file),
      );
      expect(sheets.reduce((sum, sheet) => sum + sheet.images, 0)).toBe(mnist[name].count);
      for (const sheet of sheets) {
        const start = sheet.firstIndex * 784;
        const idx = data.source.splits[name].pixels.subarray(start, start + sheet.images * 784);
        expect(sheet.sha256).toBe(sha256(idx));
      }
    }
    expect(mnist.credit.name).toBe('MNIST');
    const totalBytes = [...data.files]
      .filter(([file]) => file !== 'manifest.json')
      .reduce((sum, [, bytes]) => sum + bytes.length, 0);
    expect(mnist.totalBytes).toBe(totalBytes);

    // 3 train sheets + labels, 2 test sheets + labels.
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({
      loadedBytes: totalBytes,
      totalBytes,
      filesDone: 7,
      filesTotal: 7,
    });
    expect(progress[0]).toMatchObject({ loadedBytes: 0, filesDone: 0 });
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i].loadedBytes).toBeGreaterThanOrEqual(progress[i - 1].loadedBytes);
    }
    expect(server.maxInFlight()).toBeLessThanOrEqual(3);
    expect(server.requests.filter((file) => file === 'train-00.png')).toHaveLength(1);
  });

  it('keeps downloading while sheets decode (decoding holds no download slot)', async () => {
    const server = fakeServer(data.files);
    const everyFile = [...data.files.keys()].filter((file) => file !== 'manifest.json');
    expect(everyFile.length).toBeGreaterThan(3);
    // Each decode waits until every file has been asked for: were decoding to hold one of
    // the three download slots, the fourth file would never be requested.
    let allAsked: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (allAsked = resolve));
    const waitingDecoder: SheetDecoder = async (png, width, height) => {
      if (everyFile.every((file) => server.requests.includes(file))) allAsked();
      await asked;
      return pngjsDecode(png, width, height);
    };
    const fetchAndCheck: typeof fetch = async (input, init) => {
      const response = await server.fetch(input, init);
      if (everyFile.every((file) => server.requests.includes(file))) allAsked();
      return response;
    };
    const loaded = await loaderFor(fetchAndCheck, waitingDecoder).load(ignore);
    expect(loaded.train.count).toBe(data.manifest.splits.train.count);
  });

  it('names a missing file (HTTP 404) and offers a retry', async () => {
    const server = fakeServer(data.files);
    server.override('train-01.png', () => new Response('', { status: 404 }));
    const error = await failure(loaderFor(server.fetch).load(ignore));
    expect(error).toMatchObject({ fault: 'missing', file: 'train-01.png', retryable: true });
    expect(error.message).toMatch(/^train-01\.png is missing: .*404/);
  });

  it('treats an HTML page in place of a file as missing (single-page-app fallback)', async () => {
    const server = fakeServer(data.files);
    const page = () =>
      new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    server.override('test-00.png', page);
    expect(await failure(loaderFor(server.fetch).load(ignore))).toMatchObject({
      fault: 'missing',
      file: 'test-00.png',
    });
  });

  it('names a truncated file', async () => {
    const server = fakeServer(data.files);
    const whole = bytesOf('test-01.png');
    server.override('test-01.png', () => streamed(whole.subarray(0, whole.length >> 1)));
    const error = await failure(loaderFor(server.fetch).load(ignore));
    expect(error).toMatchObject({ fault: 'truncated', file: 'test-01.png', retryable: true });
    expect(error.message).toContain(`only ${(whole.length >> 1).toLocaleString('en-US')} of its`);
  });

  it('refuses a file with one corrupted byte: checksum', async () => {
    const server = fakeServer(data.files);
    const damaged = bytesOf('train-02.png').slice();
    damaged[damaged.length >> 1] ^= 0xff;
    server.override('train-02.png', () => streamed(damaged));
    const error = await failure(loaderFor(server.fetch).load(ignore));
    expect(error).toMatchObject({ fault: 'checksum', file: 'train-02.png', retryable: true });
    expect(error.message).toBe(
      'train-02.png is damaged: its checksum does not match the manifest.',
    );
  });

  it('refuses a file longer than the manifest says', async () => {
    const server = fakeServer(data.files);
    const longer = new Uint8Array([...bytesOf('test-labels.u8'), 7]);
    server.override('test-labels.u8', () => streamed(longer));
    const error = await failure(loaderFor(server.fetch).load(ignore));
    expect(error).toMatchObject({ fault: 'checksum', file: 'test-labels.u8' });
    expect(error.message).toMatch(/longer than the 120 bytes/);
  });

  it('refuses a sheet that decodes to the wrong size', async () => {
    const server = fakeServer(data.files);
    const target = sha256(bytesOf('train-02.png'));
    const short: SheetDecoder = async (png, width, height) => {
      const gray = await pngjsDecode(png, width, height);
      return sha256(png) === target ? gray.subarray(0, gray.length / 2) : gray;
    };
    const error = await failure(loaderFor(server.fetch, short).load(ignore));
    expect(error).toMatchObject({ fault: 'wrong-size', file: 'train-02.png' });
    expect(error.message).toBe(
      'train-02.png has the wrong size: it decoded to 19,600 pixels, but the manifest says 3920 x 10 pixels.',
    );

    const reshaped: SheetDecoder = async () => {
      throw new DecodedSizeError(28, 28);
    };
    const shaped = await failure(loaderFor(fakeServer(data.files).fetch, reshaped).load(ignore));
    expect(shaped.fault).toBe('wrong-size');
    expect(shaped.message).toContain('it decoded to 28 x 28 pixels, but the manifest says 3920');
  });

  it('names a missing manifest, and one that is not JSON or not valid', async () => {
    const server = fakeServer(data.files);
    server.override('manifest.json', () => new Response('', { status: 404 }));
    const missing = await failure(loaderFor(server.fetch).load(ignore));
    expect(missing).toMatchObject({ fault: 'manifest-missing', file: 'manifest.json' });
    expect(missing.message).toMatch(/^manifest\.json is missing: .*npm run data/);

    server.override('manifest.json', () => new Response('{"format": 1, "splits": '));
    const notJson = await failure(loaderFor(server.fetch).load(ignore));
    expect(notJson).toMatchObject({ fault: 'manifest-malformed', file: 'manifest.json' });
    expect(notJson.message).toBe('manifest.json is malformed: it is not valid JSON.');

    const invalid = { ...data.manifest, imageSide: 32 };
    server.override('manifest.json', () => new Response(JSON.stringify(invalid)));
    const bad = await failure(loaderFor(server.fetch).load(ignore));
    expect(bad.fault).toBe('manifest-malformed');
    expect(bad.message).toBe('manifest.json is malformed: manifest.imageSide must be 28, got 32.');
    // Nothing else is fetched until the manifest is right.
    expect(new Set(server.requests)).toEqual(new Set(['manifest.json']));
  });

  it('reports network failures, server errors and stalls as network faults', async () => {
    const server = fakeServer(data.files);
    server.override('train-labels.u8', () => Promise.reject(new TypeError('Failed to fetch')));
    const offline = await failure(loaderFor(server.fetch).load(ignore));
    expect(offline).toMatchObject({ fault: 'network', file: 'train-labels.u8', retryable: true });
    expect(offline.message).toContain('Failed to fetch');

    server.override('train-labels.u8', () => new Response('oops', { status: 503 }));
    const down = await failure(loaderFor(server.fetch).load(ignore));
    expect(down.message).toBe(
      'train-labels.u8 could not be downloaded: the server answered HTTP 503.',
    );

    // A body that never sends a byte: the stall timer (200 ms here) must give up.
    server.override(
      'train-labels.u8',
      () => new Response(new ReadableStream({ pull: () => new Promise(ignore) })),
    );
    const stalled = await failure(loaderFor(server.fetch).load(ignore));
    expect(stalled).toMatchObject({ fault: 'network', file: 'train-labels.u8' });
    expect(stalled.message).toBe(
      'train-labels.u8 could not be downloaded: no data arrived for 200 ms after 0 bytes.',
    );

    // A server that never answers at all, with a fetch that ignores the abort signal.
    server.override('train-labels.u8', () => new Promise<Response>(ignore));
    const silent = await failure(loaderFor(server.fetch).load(ignore));
    expect(silent.message).toBe(
      'train-labels.u8 could not be downloaded: no data arrived for 200 ms.',
    );
  });

  it('on retry fetches only what failed (and the manifest), then succeeds', async () => {
    const server = fakeServer(data.files);
    server.override('train-01.png', () => new Response('', { status: 404 }));
    const loader = loaderFor(server.fetch);
    expect((await failure(loader.load(ignore))).file).toBe('train-01.png');
    expect(new Set(server.requests)).toEqual(new Set(data.files.keys()));

    server.clear();
    server.requests.length = 0;
    const progress: DataProgress[] = [];
    const mnist = await loader.load((p) => progress.push(p));
    expect(server.requests.sort()).toEqual(['manifest.json', 'train-01.png']);
    expect(firstDifference(joinChunks(mnist.train), data.source.splits.train.pixels)).toBeNull();
    expect(firstDifference(joinChunks(mnist.test), data.source.splits.test.pixels)).toBeNull();
    // Progress counts the files kept from the first try as done from the start.
    expect(progress[0].filesDone).toBe(6);

    // Once loaded, load() answers from memory.
    server.requests.length = 0;
    expect(await loader.load(ignore)).toBe(mnist);
    expect(server.requests).toEqual([]);
  });

  it('recovers on retry when the manifest itself was wrong (a deploy caught halfway)', async () => {
    const server = fakeServer(data.files);
    const stale = structuredClone(data.manifest);
    stale.splits.test.sheets[0].sha256 = sha256(new Uint8Array([1]));
    server.override('manifest.json', () => new Response(JSON.stringify(stale)));
    const loader = loaderFor(server.fetch);
    expect(await failure(loader.load(ignore))).toMatchObject({
      fault: 'checksum',
      file: 'test-00.png',
    });
    server.clear();
    const mnist = await loader.load(ignore);
    expect(firstDifference(joinChunks(mnist.test), data.source.splits.test.pixels)).toBeNull();
  });

  it('refuses pixels that decoding changed, without blaming the download', async () => {
    const server = fakeServer(data.files);
    const tinted: SheetDecoder = async (png, width, height) => {
      const gray = await pngjsDecode(png, width, height);
      gray[0] = gray[0] === 255 ? 254 : gray[0] + 1;
      return gray;
    };
    const error = await failure(loaderFor(server.fetch, tinted).load(ignore));
    expect(error).toMatchObject({ fault: 'checksum', file: 'train-00.png' });
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/decoded to different pixels/);
  });

  it('decodes the real sheets with the default decoder (DecompressionStream, no canvas)', async () => {
    // Node has DecompressionStream but no createImageBitmap: only the gray-PNG path can work.
    const server = fakeServer(data.files);
    const loaded = await createDatasetLoader({ baseUrl: BASE_URL, fetch: server.fetch }).load(
      ignore,
    );
    const reference = await loaderFor(fakeServer(data.files).fetch).load(ignore);
    expect(joinChunks(loaded.train)).toEqual(joinChunks(reference.train));
    expect(joinChunks(loaded.test)).toEqual(joinChunks(reference.test));
  });

  it('says which browser feature is missing when the default decoder cannot run', async () => {
    // Without DecompressionStream, createImageBitmap or OffscreenCanvas: an old browser.
    vi.stubGlobal('DecompressionStream', undefined);
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const server = fakeServer(data.files);
    const loader = createDatasetLoader({ baseUrl: BASE_URL, fetch: server.fetch });
    const error = await failure(loader.load(ignore));
    expect(error).toMatchObject({ fault: 'unsupported', file: 'train-00.png', retryable: false });
    expect(error.message).toMatch(/lacks createImageBitmap.*Chrome/);
  });
});
