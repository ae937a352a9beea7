import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from '../../../../src/shared/protocol';
import {
  spawnWorkers,
  startDataWorker,
  type WorkerClient,
} from '../../../../src/page/client/workerClient';

/** A stand-in for the browser's Worker: records what it is sent, and can say things itself. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  sent: unknown[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(data: FromWorker): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

const progress: FromWorker = {
  type: 'dataProgress',
  loadedBytes: 1,
  totalBytes: 2,
  filesDone: 0,
  filesTotal: 9,
  currentFile: 'train-00.png',
};

describe('the early data worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.made = [];
  });

  it('starts loading at once, and keeps what it says until the page listens', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const started = startDataWorker('http://host/data/mnist/');
    const [dataWorker] = FakeWorker.made;
    expect(dataWorker.options.name).toBe('latent-lab-data');
    expect(dataWorker.sent).toEqual([
      expect.objectContaining({ type: 'load', dataBaseUrl: 'http://host/data/mnist/' }),
    ]);
    dataWorker.say(progress);
    dataWorker.fail('out of memory');

    const heard: FromWorker[] = [];
    const crashes: string[] = [];
    // The page's own crash handler ends the client it is handed back, as the controller's does:
    // a crash kept from before must not reach it before spawnWorkers has returned that client.
    const client: WorkerClient = spawnWorkers(
      (message) => heard.push(message),
      (reason) => {
        crashes.push(reason);
        expect(client).toBeDefined();
      },
      'http://host/data/mnist/',
      started,
    );
    expect(heard).toEqual([]);
    await Promise.resolve();
    // What came before, in order, then what comes after.
    expect(heard).toEqual([progress]);
    expect(crashes).toEqual(['while loading the digits: out of memory']);
    dataWorker.say({ ...progress, filesDone: 1 });
    expect(heard).toHaveLength(2);

    // The training worker gets the other end of the channel the data worker was given.
    client.send({ type: 'init', dataBaseUrl: 'http://host/data/mnist/', config: {} as never });
    const trainingWorker = FakeWorker.made[1];
    expect(trainingWorker.options.name).toBe('latent-lab-training');
    expect(trainingWorker.sent).toEqual([
      expect.objectContaining({ type: 'init', dataPort: started.trainingPort }),
    ]);
    // Retry goes to the data worker; everything else to the training worker.
    client.send({ type: 'retryData' });
    expect(dataWorker.sent.at(-1)).toEqual({ type: 'retryData' });
    client.terminate();
    expect([dataWorker.terminated, trainingWorker.terminated]).toEqual([true, true]);
  });

  it('starts its own data worker when none was started early', () => {
    vi.stubGlobal('Worker', FakeWorker);
    spawnWorkers(
      () => undefined,
      () => undefined,
      'http://host/d/',
    );
    expect(FakeWorker.made.map((worker) => worker.options.name)).toEqual([
      'latent-lab-data',
      'latent-lab-training',
    ]);
  });
});
