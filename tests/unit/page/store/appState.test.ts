import { describe, expect, it } from 'vitest';
import { beginRun, initialState } from '../../../../src/page/store/appState';
import { applyWorkerMessage } from '../../../../src/page/store/workerMessage';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import type { FromWorker } from '../../../../src/shared/protocol';

const fresh = () => beginRun(initialState({ ...DEFAULT_CONFIG }, []), 2, 'running');

const progress = (runId: number, step: number): FromWorker => ({
  type: 'progress',
  runId,
  epoch: 1,
  epochs: 1,
  step,
  stepsPerEpoch: 16,
  totalSteps: 16,
  losses: [{ step, epoch: step / 16, loss: 0.5 / step }],
  samplesPerSecond: 1000,
  elapsedMs: 10 * step,
});

describe('applyWorkerMessage', () => {
  it('appends the loss deltas of the current run, in order', () => {
    let state = fresh();
    state = applyWorkerMessage(state, progress(2, 1));
    state = applyWorkerMessage(state, progress(2, 2));
    expect(state.losses.map((point) => point.step)).toEqual([1, 2]);
    expect(state.progress?.step).toBe(2);
  });

  it('drops messages from a run the page no longer follows', () => {
    const state = fresh();
    expect(applyWorkerMessage(state, progress(1, 1))).toBe(state);
    expect(applyWorkerMessage(state, { type: 'runState', runId: 1, state: 'done' })).toBe(state);
    const stale: FromWorker = { type: 'epochEnd', runId: 1, epoch: 1, trainLoss: 1, valLoss: 1 };
    expect(applyWorkerMessage(state, stale)).toBe(state);
  });

  it('keeps reconstructions made outside any run (after a reset)', () => {
    const pixels = new Float32Array(7840);
    const state = applyWorkerMessage(fresh(), {
      type: 'reconstructions',
      runId: null,
      step: 0,
      pixels,
    });
    expect(state.reconstruction?.pixels).toBe(pixels);
  });

  it('moves the data through loading, error and ready', () => {
    let state = fresh();
    state = applyWorkerMessage(state, {
      type: 'dataProgress',
      loadedBytes: 5,
      totalBytes: 10,
      filesDone: 1,
      filesTotal: 9,
      currentFile: 'train-00.png',
    });
    expect(state.data).toMatchObject({ status: 'loading', progress: { loadedBytes: 5 } });
    state = applyWorkerMessage(state, {
      type: 'dataError',
      file: 'train-00.png',
      fault: 'missing',
      message: 'gone',
      retryable: true,
    });
    expect(state.data).toMatchObject({ status: 'error', file: 'train-00.png', retryable: true });
  });

  it('keeps the test split that follows dataReady in a field of its own', () => {
    const test = { pixels: new Uint8Array(2 * 784), labels: Uint8Array.from([7, 2]) };
    const samples = { pixels: new Uint8Array(784), labels: [7], indices: [0] };
    let state = applyWorkerMessage(fresh(), {
      type: 'dataReady',
      trainCount: 3,
      testCount: 2,
      totalBytes: 100,
      pixelDigests: [],
      credit: {
        name: 'MNIST',
        authors: 'A',
        license: 'L',
        licenseUrl: 'http://l',
        sourceUrl: 'http://s',
      },
      samples,
      probes: samples,
      loadMs: 5,
    });
    expect(state.data).toMatchObject({ status: 'ready', data: { trainCount: 3 } });
    expect(state.testSet).toBeNull();
    const ready = state.data;
    state = applyWorkerMessage(state, { type: 'testSet', test });
    expect(state.testSet).toBe(test);
    // The ready data itself is untouched, so views of it need not render again.
    expect(state.data).toBe(ready);
  });

  it('a new run starts with an empty history', () => {
    let state = applyWorkerMessage(fresh(), progress(2, 1));
    state = beginRun(state, 3, 'running');
    expect(state.losses).toEqual([]);
    expect(state.epochSummaries).toEqual([]);
    expect(state.progress).toBeNull();
  });
});
