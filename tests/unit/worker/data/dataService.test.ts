import { describe, expect, it, vi } from 'vitest';
import { IMAGE_SIZE } from '../../../../src/shared/config';
import type { FromWorker } from '../../../../src/shared/protocol';
import { DataLoadError, type MnistData } from '../../../../src/worker/data/dataset';
import type { DatasetHandoff } from '../../../../src/worker/data/datasetHandoff';
import { handedOffLoader } from '../../../../src/worker/data/datasetHandoff';
import { createDataService } from '../../../../src/worker/data/dataService';
import { joinChunks } from '../../../../src/worker/data/pixelChunks';

const credit = { name: 'MNIST', authors: 'a', license: 'l', licenseUrl: 'u', sourceUrl: 's' };

function tinyData(): MnistData {
  // In chunks of 20 images, as sheets of 20 would give: the training set arrives in two.
  const split = (count: number, value: number) => ({
    count,
    chunkImages: 20,
    chunks: [0, 20]
      .filter((first) => first < count)
      .map((first) => new Uint8Array(Math.min(20, count - first) * IMAGE_SIZE).fill(value)),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  });
  return {
    train: split(30, 7),
    test: split(20, 9),
    credit,
    totalBytes: 321,
    pixelDigests: [],
  };
}

const progress = {
  loadedBytes: 10,
  totalBytes: 321,
  filesDone: 0,
  filesTotal: 3,
  currentFile: 'x',
};

/** A data service whose loader answers with `outcomes` in turn, and what it sent where. */
function setup(outcomes: (() => Promise<MnistData>)[]) {
  const toPage: FromWorker[] = [];
  const done = vi.fn();
  const load = vi.fn(async (onProgress: (p: typeof progress) => void) => {
    onProgress(progress);
    const next = outcomes.shift();
    if (!next) throw new Error('no more outcomes');
    return next();
  });
  const handle = createDataService({
    createLoader: () => ({ load }),
    toPage: (message) => toPage.push(message),
    done,
  });
  const { port1, port2 } = new MessageChannel();
  const handedOff: DatasetHandoff[] = [];
  port2.onmessage = (event: MessageEvent<DatasetHandoff>) => handedOff.push(event.data);
  const types = () => toPage.map((message) => message.type);
  const close = () => {
    port1.close();
    port2.close();
  };
  return { handle, toPage, types, handedOff, done, load, port1, port2, close };
}

describe('data service (the data worker)', () => {
  it('tells the page, then hands the digits to the training worker', async () => {
    const data = tinyData();
    const { handle, toPage, types, handedOff, done, port1, close } = setup([async () => data]);
    handle({ type: 'load', dataBaseUrl: 'http://x/data/mnist/', trainingPort: port1 });
    await vi.waitFor(() => expect(handedOff).toHaveLength(1));
    // The test split's copy comes after dataReady, so the page need not wait for the copying.
    expect(types()).toEqual(['dataProgress', 'dataReady', 'testSet']);
    expect(done).toHaveBeenCalledTimes(1);

    const [, ready, testSet] = toPage;
    if (ready.type !== 'dataReady') throw new Error('no dataReady');
    if (testSet.type !== 'testSet') throw new Error('no testSet');
    expect(ready.trainCount).toBe(30);
    expect(Array.from(ready.probes.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(testSet.test.pixels.every((v) => v === 9)).toBe(true);

    // The arrays arrive whole on the other side, and left this side (transferred, not copied).
    const received = handedOff[0].data;
    const receivedTrain = joinChunks(received.train);
    expect(receivedTrain.every((v) => v === 7)).toBe(true);
    expect(receivedTrain.length).toBe(30 * IMAGE_SIZE);
    expect(received.test.labels).toEqual(Uint8Array.from({ length: 20 }, (_, i) => i % 10));
    expect(data.train.chunks.map((chunk) => chunk.byteLength)).toEqual([0, 0]);
    // The page's copy was cut before the hand-off emptied the originals.
    expect(testSet.test.pixels.length).toBe(20 * IMAGE_SIZE);
    close();
  });

  it('reports a failure to the page and loads again on retryData', async () => {
    const fault = new DataLoadError('train-00.png', 'checksum', 'The file is damaged.');
    const { handle, toPage, types, handedOff, load, port1, close } = setup([
      () => Promise.reject(fault),
      async () => tinyData(),
    ]);
    handle({ type: 'load', dataBaseUrl: 'http://x/data/mnist/', trainingPort: port1 });
    await vi.waitFor(() => expect(types()).toContain('dataError'));
    expect(toPage.find((m) => m.type === 'dataError')).toMatchObject({
      file: 'train-00.png',
      fault: 'checksum',
      retryable: true,
    });
    expect(handedOff).toHaveLength(0);

    handle({ type: 'retryData' });
    await vi.waitFor(() => expect(handedOff).toHaveLength(1));
    expect(load).toHaveBeenCalledTimes(2);
    expect(types().slice(-2)).toEqual(['dataReady', 'testSet']);
    close();
  });

  it('does not start a second load while one is under way', async () => {
    let finish: (data: MnistData) => void = () => undefined;
    const { handle, handedOff, load, port1, close } = setup([
      () => new Promise<MnistData>((resolve) => (finish = resolve)),
    ]);
    handle({ type: 'load', dataBaseUrl: 'http://x/', trainingPort: port1 });
    handle({ type: 'load', dataBaseUrl: 'http://x/', trainingPort: port1 });
    handle({ type: 'retryData' });
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    finish(tinyData());
    await vi.waitFor(() => expect(handedOff).toHaveLength(1));
    expect(load).toHaveBeenCalledTimes(1);
    close();
  });

  it('gives the training worker a loader that resolves with what was handed over', async () => {
    const { handle, port1, port2, close } = setup([async () => tinyData()]);
    const loader = handedOffLoader(port2);
    expect(loader.reportsToPage).toBe(true);
    handle({ type: 'load', dataBaseUrl: 'http://x/', trainingPort: port1 });
    const data = await loader.load(() => undefined);
    expect(data.test.count).toBe(20);
    expect(joinChunks(data.train).every((v) => v === 7)).toBe(true);
    close();
  });
});
