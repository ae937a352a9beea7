import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../../../../src/shared/config';
import { DataLoadError, type MnistData } from '../../../../src/worker/data/dataset';
import { handOff } from '../../../../src/worker/data/datasetHandoff';
import { init, setup, tinyData } from '../../support/fakeHandler';

describe('worker message handler', () => {
  it('answers init with the backend, the data and an untrained model', async () => {
    const { handle, types, posted } = setup(async () => tinyData());
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('latentCodes'));
    expect(types()).toEqual([
      'backend',
      'dataReady',
      'testSet',
      'modelSummary',
      'reconstructions',
      'latentCodes',
    ]);
    const ready = posted.find((m) => m.type === 'dataReady');
    expect(ready?.type === 'dataReady' && ready.probes.labels).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    // The untrained codes belong to no run.
    expect(posted.at(-1)).toMatchObject({ type: 'latentCodes', runId: null, step: 0 });
  });

  it('with a data worker port, waits for the hand-off and leaves the page reports to it', async () => {
    const load = vi.fn(async () => tinyData());
    const { handle, types } = setup(load);
    const { port1, port2 } = new MessageChannel();
    handle({ ...init, dataPort: port2 });
    await vi.waitFor(() => expect(types()).toContain('backend'));
    expect(types()).not.toContain('modelSummary');
    handOff(port1, tinyData());
    await vi.waitFor(() => expect(types()).toContain('latentCodes'));
    // dataProgress, dataReady and dataError come from the data worker, not from here.
    expect(types()).toEqual(['backend', 'modelSummary', 'reconstructions', 'latentCodes']);
    expect(load).not.toHaveBeenCalled();
    port1.close();
    port2.close();
  });

  it('holds commands that need tfjs until a backend has started', async () => {
    const { handle, types } = setup(async () => tinyData());
    // Backends load on demand: a reset sent before one is running must wait for it.
    handle(init);
    handle({ type: 'reset', config: { ...DEFAULT_CONFIG } });
    await vi.waitFor(() => expect(types().filter((t) => t === 'modelSummary')).toHaveLength(2));
    expect(types().indexOf('backend')).toBeLessThan(types().indexOf('modelSummary'));
  });

  it('sends the page its own copy of the test split', async () => {
    const data = tinyData();
    const { handle, posted, types } = setup(async () => data);
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('testSet'));
    expect(types().indexOf('dataReady')).toBeLessThan(types().indexOf('testSet'));
    const sent = posted.find((m) => m.type === 'testSet');
    if (sent?.type !== 'testSet') throw new Error('no testSet');
    expect(sent.test.labels).toEqual(data.test.labels);
    expect(sent.test.pixels).toEqual(data.test.chunks[0]);
    // A copy: transferring it must not detach the worker's own buffers.
    expect(sent.test.pixels.buffer).not.toBe(data.test.chunks[0].buffer);
    expect(sent.test.labels.buffer).not.toBe(data.test.labels.buffer);
  });

  it('encodes on demand and after a reset, tagged with the run', async () => {
    const { handle, trainers, types, posted } = setup(async () => tinyData());
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('latentCodes'));
    handle({ type: 'start', runId: 4, config: { ...DEFAULT_CONFIG, latentDim: 8 }, paused: true });
    handle({ type: 'encodeTestSet' });
    await vi.waitFor(() => expect(trainers[1].encodeTestSet).toHaveBeenCalled());
    const codes = posted.at(-1);
    expect(codes).toMatchObject({ type: 'latentCodes', runId: 4, latentDim: 8 });
    expect(codes?.type === 'latentCodes' && codes.codes.length).toBe(20 * 8);
    // The per-digit statistics travel with the codes, worked out against the test labels.
    const labels = tinyData().test.labels;
    const perDigit = Array.from({ length: 10 }, (_, d) => labels.filter((l) => l === d).length);
    expect(codes?.type === 'latentCodes' && codes.stats.counts).toEqual(perDigit);
    expect(codes?.type === 'latentCodes' && codes.stats.latentDim).toBe(8);

    handle({ type: 'reset', config: { ...DEFAULT_CONFIG } });
    await vi.waitFor(() => expect(trainers[2]?.encodeTestSet).toHaveBeenCalled());
    expect(posted.at(-1)).toMatchObject({ type: 'latentCodes', runId: null });
  });

  it('rebuilds the test images asked for, and always answers', async () => {
    const { handle, trainers, types, posted } = setup(async () => tinyData());
    handle({ type: 'reconstructTest', requestId: 1, indices: [0] }); // before any data
    await vi.waitFor(() => expect(types()).toContain('testReconstructions'));
    expect(posted.at(-1)).toMatchObject({ requestId: 1, indices: [] });

    handle(init);
    await vi.waitFor(() => expect(types()).toContain('latentCodes'));
    handle({ type: 'reconstructTest', requestId: 2, indices: [3, -1, 7, 20, 1.5] });
    await vi.waitFor(() => expect(posted.at(-1)).toMatchObject({ requestId: 2 }));
    const answer = posted.at(-1);
    if (answer?.type !== 'testReconstructions') throw new Error('no answer');
    expect(answer.indices).toEqual([3, 7]); // out-of-range and fractional indices dropped
    expect(answer.pixels).toHaveLength(2 * IMAGE_SIZE);
    expect(trainers[0].reconstructImages).toHaveBeenCalledTimes(1);
  });

  it('reports a data fault, then recovers on retryData', async () => {
    let attempt = 0;
    const { handle, types, posted } = setup(async () => {
      attempt++;
      if (attempt === 1)
        throw new DataLoadError('test-00.png', 'missing', 'test-00.png is missing', true);
      return tinyData();
    });
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('dataError'));
    expect(posted.find((m) => m.type === 'dataError')).toMatchObject({
      file: 'test-00.png',
      retryable: true,
    });
    handle({ type: 'retryData' });
    await vi.waitFor(() => expect(types()).toContain('dataReady'));
  });

  it('refuses to start a run before the data is ready', () => {
    const { handle, trainers } = setup(() => new Promise<MnistData>(() => undefined));
    handle(init);
    handle({ type: 'start', runId: 1, config: { ...DEFAULT_CONFIG }, paused: false });
    expect(trainers).toHaveLength(0);
  });

  it('starts runs on fresh trainers, limited to trainSize, and ignores stale commands', async () => {
    const { handle, trainers, types } = setup(async () => tinyData());
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('reconstructions'));
    handle({
      type: 'start',
      runId: 1,
      config: { ...DEFAULT_CONFIG, trainSize: 30 },
      paused: false,
    });
    const run1 = trainers[1];
    expect(trainers[0].dispose).toHaveBeenCalled();
    expect(run1.options.train.count).toBe(30);
    expect(run1.start).toHaveBeenCalledWith(false);

    handle({ type: 'start', runId: 2, config: { ...DEFAULT_CONFIG }, paused: true });
    const run2 = trainers[2];
    expect(run1.dispose).toHaveBeenCalled();
    handle({ type: 'pause', runId: 1 });
    handle({ type: 'step', runId: 2 });
    expect(run2.pause).not.toHaveBeenCalled();
    expect(run2.step).toHaveBeenCalledTimes(1);
  });

  it('tags trainer events with their run', async () => {
    const { handle, trainers, types, posted } = setup(async () => tinyData());
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('reconstructions'));
    handle({ type: 'start', runId: 7, config: { ...DEFAULT_CONFIG }, paused: false });
    trainers[1].options.events.state('done');
    trainers[1].options.events.epochEnd({ epoch: 1, trainLoss: 0.2, valLoss: 0.1 });
    expect(posted.slice(-2)).toEqual([
      { type: 'runState', runId: 7, state: 'done' },
      { type: 'epochEnd', runId: 7, epoch: 1, trainLoss: 0.2, valLoss: 0.1 },
    ]);
  });
});
