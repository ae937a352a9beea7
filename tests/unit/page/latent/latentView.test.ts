import { describe, expect, it, vi } from 'vitest';
import { computeLatentStats } from '../../../../src/shared/latentStats';
import {
  findBinding,
  latentKeyBindings,
  shouldIgnoreKey,
} from '../../../../src/page/latent/useLatentKeys';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import type { FromWorker } from '../../../../src/shared/protocol';
import { initialState } from '../../../../src/page/store/appState';
import { applyWorkerMessage } from '../../../../src/page/store/workerMessage';
import { createLatentActions } from '../../../../src/page/latent/latentActions';
import {
  chooseDigit,
  initialLatentView,
  sampleRange,
  seededShuffle,
  shuffleSamples,
  stepSamples,
  visibleSamples,
} from '../../../../src/page/latent/latentView';
import { latestOnly } from '../../../../src/page/store/latestOnly';
import { createStore } from '../../../../src/page/store/store';

const sevens = [0, 17, 26, 34, 36, 41, 60]; // 7 images of "the digit"

describe('per-digit view state', () => {
  it('shows three samples in test-set order and steps a screenful at a time, wrapping', () => {
    let view = chooseDigit(initialLatentView, 7);
    expect(visibleSamples(view, sevens)).toEqual([0, 17, 26]);
    view = stepSamples(view, 1);
    expect(visibleSamples(view, sevens)).toEqual([34, 36, 41]);
    expect(sampleRange(view, sevens.length)).toEqual({ first: 4, last: 6 });
    view = stepSamples(view, 1);
    expect(visibleSamples(view, sevens)).toEqual([60, 0, 17]); // wraps to the start
    // Back from the first screen: the last three of the order.
    view = stepSamples(chooseDigit(view, 7), -1);
    expect(visibleSamples(view, sevens)).toEqual([36, 41, 60]);
    expect(sampleRange(view, sevens.length)).toEqual({ first: 5, last: 7 });
  });

  it('shows fewer when a digit has fewer images, and none when it has none', () => {
    expect(visibleSamples(initialLatentView, [5, 9])).toEqual([5, 9]);
    expect(visibleSamples(initialLatentView, [])).toEqual([]);
    expect(sampleRange(initialLatentView, 0)).toEqual({ first: 0, last: 0 });
  });

  it('choosing a digit starts at its first samples; invalid digits are ignored', () => {
    const stepped = stepSamples(initialLatentView, 3);
    expect(chooseDigit(stepped, 4)).toMatchObject({ digit: 4, page: 0 });
    expect(chooseDigit(stepped, 10)).toBe(stepped);
    expect(chooseDigit(stepped, 2.5)).toBe(stepped);
  });

  it('shuffles into a seeded random order of the same images, then steps through it', () => {
    const view = shuffleSamples(initialLatentView, 1234);
    const first = visibleSamples(view, sevens);
    expect(visibleSamples(view, sevens)).toEqual(first); // repeatable from the seed
    const order = seededShuffle(sevens, 1234);
    expect([...order].sort((a, b) => a - b)).toEqual(sevens);
    expect(first).toEqual(order.slice(0, 3));
    expect(visibleSamples(stepSamples(view, 1), sevens)).toEqual(order.slice(3, 6));
    expect(seededShuffle(sevens, 99)).not.toEqual(order);
  });

  it('actions update only the view slice of the store', () => {
    const store = createStore(initialState({ ...DEFAULT_CONFIG }, []));
    const actions = createLatentActions(store, () => 0.5);
    const before = store.getState();
    actions.chooseDigit(7);
    actions.next();
    actions.next();
    expect(store.getState().latentView).toMatchObject({ digit: 7, page: 2, shuffleSeed: null });
    actions.previous();
    actions.shuffle();
    expect(store.getState().latentView).toMatchObject({ page: 0, shuffleSeed: 2 ** 31 });
    actions.setPerChartScale(true);
    expect(store.getState().latentView.perChartScale).toBe(true);
    expect(store.getState().losses).toBe(before.losses);
  });
});

describe('codes and rebuilds in the page state', () => {
  const codesMessage = (runId: number | null, step: number): FromWorker => ({
    type: 'latentCodes',
    runId,
    step,
    latentDim: 2,
    codes: new Float32Array(20),
    losses: new Float32Array(10),
    stats: computeLatentStats(new Float32Array(20), new Float32Array(10), new Uint8Array(10), 2),
  });

  it('keeps the newest codes of the run it follows, and untrained ones', () => {
    let state = { ...initialState({ ...DEFAULT_CONFIG }, []), runId: 3 };
    state = applyWorkerMessage(state, codesMessage(null, 0));
    expect(state.latent).toMatchObject({ runId: null, step: 0 });
    state = applyWorkerMessage(state, codesMessage(3, 24));
    expect(state.latent).toMatchObject({ runId: 3, step: 24, latentDim: 2 });
    expect(applyWorkerMessage(state, codesMessage(2, 99))).toBe(state); // a stopped run
  });

  it('never lets an older rebuild answer replace a newer one', () => {
    const rebuilt = (requestId: number): FromWorker => ({
      type: 'testReconstructions',
      requestId,
      step: 5,
      indices: [1],
      pixels: new Float32Array(784),
    });
    let state = initialState({ ...DEFAULT_CONFIG }, []);
    state = applyWorkerMessage(state, rebuilt(2));
    expect(applyWorkerMessage(state, rebuilt(1))).toBe(state);
    expect(applyWorkerMessage(state, rebuilt(3)).testReconstruction?.requestId).toBe(3);
  });
});

describe('latestOnly', () => {
  it('keeps one request in flight and only the newest waiting', () => {
    const send = vi.fn();
    const gate = latestOnly<string>(send);
    gate.request('a');
    gate.request('b');
    gate.request('c');
    expect(send.mock.calls).toEqual([['a']]);
    gate.settled();
    expect(send.mock.calls).toEqual([['a'], ['c']]);
    gate.settled();
    gate.settled();
    expect(send).toHaveBeenCalledTimes(2);
    gate.request('d');
    expect(send).toHaveBeenLastCalledWith('d');
    gate.reset();
    gate.request('e');
    expect(send).toHaveBeenLastCalledWith('e');
  });
});

describe('lecture keys', () => {
  const key = (k: string, extra: Partial<Parameters<typeof shouldIgnoreKey>[0]> = {}) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    defaultPrevented: false,
    target: null,
    ...extra,
  });
  const at = (tagName: string, type?: string) =>
    ({ tagName, type, isContentEditable: false }) as unknown as EventTarget;

  it('maps 0-9 to digits and the arrows to stepping', () => {
    const actions = { chooseDigit: vi.fn(), next: vi.fn(), previous: vi.fn() };
    const bindings = latentKeyBindings(actions);
    findBinding(bindings, '7')?.run('7');
    findBinding(bindings, 'ArrowRight')?.run('ArrowRight');
    findBinding(bindings, 'ArrowLeft')?.run('ArrowLeft');
    expect(actions.chooseDigit).toHaveBeenCalledWith(7);
    expect(actions.next).toHaveBeenCalledTimes(1);
    expect(actions.previous).toHaveBeenCalledTimes(1);
    expect(findBinding(bindings, 'a')).toBeUndefined();
  });

  it('leaves keys alone with a modifier, in text fields and selects, or when handled', () => {
    expect(shouldIgnoreKey(key('7'))).toBe(false);
    expect(shouldIgnoreKey(key('7', { target: at('BUTTON') }))).toBe(false);
    expect(shouldIgnoreKey(key('7', { target: at('INPUT', 'checkbox') }))).toBe(false);
    expect(shouldIgnoreKey(key('7', { ctrlKey: true }))).toBe(true);
    expect(shouldIgnoreKey(key('7', { metaKey: true }))).toBe(true);
    expect(shouldIgnoreKey(key('7', { altKey: true }))).toBe(true);
    expect(shouldIgnoreKey(key('ArrowLeft', { shiftKey: true }))).toBe(true);
    expect(shouldIgnoreKey(key('7', { target: at('INPUT', 'text') }))).toBe(true);
    expect(shouldIgnoreKey(key('ArrowLeft', { target: at('INPUT', 'range') }))).toBe(true);
    expect(shouldIgnoreKey(key('7', { target: at('TEXTAREA') }))).toBe(true);
    expect(shouldIgnoreKey(key('7', { target: at('SELECT') }))).toBe(true);
    expect(shouldIgnoreKey(key('7', { defaultPrevented: true }))).toBe(true);
    const editable = { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget;
    expect(shouldIgnoreKey(key('7', { target: editable }))).toBe(true);
  });
});
