import { describe, expect, it, vi } from 'vitest';
import type { DataProgress } from '../../src/shared/protocol';
import type { DatasetLoader, MnistData } from '../../src/worker/dataset';
import { createPrefetcher } from '../../src/worker/prefetch';

const URL_A = 'http://localhost/data/mnist/';

function progress(loadedBytes: number): DataProgress {
  return { loadedBytes, totalBytes: 100, filesDone: 0, filesTotal: 9, currentFile: 'train-00.png' };
}

/** A loader whose load() the test finishes by hand, recording every call. */
function manualLoader() {
  const calls: ((p: DataProgress) => void)[] = [];
  const settle: { resolve: (d: MnistData) => void; reject: (e: Error) => void }[] = [];
  const loader: DatasetLoader = {
    load: vi.fn((onProgress: (p: DataProgress) => void) => {
      calls.push(onProgress);
      return new Promise<MnistData>((resolve, reject) => settle.push({ resolve, reject }));
    }),
  };
  return { loader, calls, settle };
}

const data = { train: { count: 1 } } as unknown as MnistData;

describe('createPrefetcher', () => {
  it('starts loading at once and hands the handler the same download, with its progress so far', async () => {
    const inner = manualLoader();
    const prefetcher = createPrefetcher(() => inner.loader);
    prefetcher.start(URL_A);
    expect(inner.loader.load).toHaveBeenCalledTimes(1);
    inner.calls[0](progress(10));

    const seen: number[] = [];
    const loading = prefetcher.loaderFor(URL_A).load((p) => seen.push(p.loadedBytes));
    inner.calls[0](progress(60));
    inner.settle[0].resolve(data);

    await expect(loading).resolves.toBe(data);
    expect(seen).toEqual([10, 60]);
    expect(inner.loader.load).toHaveBeenCalledTimes(1);
  });

  it('reports a failed prefetch once, to the first load; a later load (Retry) tries again', async () => {
    const inner = manualLoader();
    const prefetcher = createPrefetcher(() => inner.loader);
    prefetcher.start(URL_A);
    inner.settle[0].reject(new Error('train-00.png is missing'));

    const loader = prefetcher.loaderFor(URL_A);
    await expect(loader.load(() => undefined)).rejects.toThrow('train-00.png is missing');
    expect(inner.loader.load).toHaveBeenCalledTimes(1);

    const retry = loader.load(() => undefined);
    expect(inner.loader.load).toHaveBeenCalledTimes(2);
    inner.settle[1].resolve(data);
    await expect(retry).resolves.toBe(data);
  });

  it('starts each URL once, and makes a plain loader for a URL it was never asked to start', async () => {
    const made: string[] = [];
    const inner = manualLoader();
    const prefetcher = createPrefetcher((url) => {
      made.push(url);
      return inner.loader;
    });
    prefetcher.start(URL_A);
    prefetcher.start(URL_A);
    expect(inner.loader.load).toHaveBeenCalledTimes(1);

    const other = 'http://localhost/elsewhere/';
    void prefetcher.loaderFor(other).load(() => undefined);
    expect(made).toEqual([URL_A, other]);
    expect(inner.loader.load).toHaveBeenCalledTimes(2);
  });
});
