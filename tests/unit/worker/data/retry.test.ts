import { beforeAll, describe, expect, it } from 'vitest';
import {
  DataLoadError,
  createDatasetLoader,
  type DataProgress,
} from '../../../../src/worker/data/dataset';
import { dataErrors } from '../../../../src/worker/data/dataLoadError';
import { isTransient, withRetries } from '../../../../src/worker/data/retry';
import { sheetReader } from '../../../../src/worker/decode/sheetPixels';
import {
  BASE_URL,
  fakeServer,
  pngjsDecode,
  smallDataset,
  streamed,
} from '../../support/mnistFixture';
import type { SmallDataset } from '../../support/mnistFixture';

let data: SmallDataset;
beforeAll(async () => {
  data = await smallDataset();
});

const fastRetry = { attempts: 3, baseDelayMs: 1 };
const loader = (fetch: typeof globalThis.fetch) =>
  createDatasetLoader({
    baseUrl: BASE_URL,
    fetch,
    read: sheetReader(pngjsDecode),
    timeoutMs: 200,
    retry: fastRetry,
  });

describe('withRetries', () => {
  it('waits 1x, 3x the base delay between three tries, then gives up', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failing = async () => {
      calls++;
      throw dataErrors.network('a.png', 'the connection failed');
    };
    const wait = async (ms: number) => void waits.push(ms);
    await expect(
      withRetries(failing, { attempts: 3, baseDelayMs: 500 }, undefined, wait),
    ).rejects.toThrow(/a\.png could not be downloaded/);
    expect(calls).toBe(3);
    expect(waits).toEqual([500, 1500]);
  });

  it('does not retry faults a moment cannot cure', () => {
    expect(isTransient(dataErrors.missing('a.png', 'HTTP 404'))).toBe(false);
    expect(isTransient(dataErrors.manifestMalformed('manifest.json', 'bad'))).toBe(false);
    expect(isTransient(dataErrors.pixelsChanged('a.png', 'train'))).toBe(false);
    expect(isTransient(dataErrors.truncated('a.png', 1, 2))).toBe(true);
    expect(isTransient(dataErrors.checksum('a.png'))).toBe(true);
    expect(isTransient(new Error('plain'))).toBe(false);
  });
});

describe('the dataset loader under a bad network', () => {
  it('survives a dropped connection and damaged bytes, and says it is trying again', async () => {
    const server = fakeServer(data.files);
    const file = data.manifest.splits.train.sheets[1].file;
    const good = data.files.get(file) ?? new Uint8Array();
    let tries = 0;
    server.override(file, () => {
      tries++;
      if (tries === 1) throw new TypeError('Failed to fetch');
      if (tries === 2) {
        const damaged = good.slice();
        damaged[100] ^= 0xff;
        return streamed(damaged);
      }
      return streamed(good);
    });
    const progress: DataProgress[] = [];
    const mnist = await loader(server.fetch).load((p) => progress.push(p));
    expect(mnist.train.count).toBe(data.manifest.splits.train.count);
    expect(tries).toBe(3);
    const notes = progress.map((p) => p.retryNote).filter((note) => note !== undefined);
    expect(notes.some((note) => note.includes(file) && note.includes('try 2 of 3'))).toBe(true);
    expect(notes.some((note) => /checksum/.test(note) && note.includes('try 3 of 3'))).toBe(true);
    // Progress never runs past the total, even though some bytes arrived twice.
    for (const p of progress) expect(p.loadedBytes).toBeLessThanOrEqual(p.totalBytes);
    expect(progress.at(-1)?.retryNote).toBeUndefined();
  });

  it('names the file after three failed tries, and fetches a 404 only once', async () => {
    const server = fakeServer(data.files);
    const sheet = data.manifest.splits.test.sheets[0].file;
    server.override(sheet, () => streamed(new Uint8Array(10)));
    const error = await loader(server.fetch)
      .load(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataLoadError);
    expect((error as DataLoadError).file).toBe(sheet);
    expect(server.requests.filter((f) => f === sheet)).toHaveLength(3);

    const missing = fakeServer(data.files);
    missing.override(sheet, () => new Response('', { status: 404 }));
    await expect(loader(missing.fetch).load(() => undefined)).rejects.toThrow(/missing/);
    expect(missing.requests.filter((f) => f === sheet)).toHaveLength(1);
  });

  it('retries a manifest that stalls', async () => {
    const server = fakeServer(data.files);
    let tries = 0;
    const text = data.files.get('manifest.json') ?? new Uint8Array();
    server.override('manifest.json', () => {
      tries++;
      return tries === 1 ? new Promise<Response>(() => undefined) : streamed(text);
    });
    await loader(server.fetch).load(() => undefined);
    expect(tries).toBe(2);
  });
});
