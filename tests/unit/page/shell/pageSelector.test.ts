import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import { initialState, type AppState } from '../../../../src/page/store/appState';
import { createPageSelector, onlyUnshownMoved } from '../../../../src/page/shell/pageSelector';

const loading = (loadedBytes: number): AppState['data'] => ({
  status: 'loading',
  progress: {
    loadedBytes,
    totalBytes: 100,
    filesDone: 0,
    filesTotal: 9,
    currentFile: 'train-00.png',
  },
});

describe('the page selector', () => {
  const start = initialState(DEFAULT_CONFIG, []);

  it('keeps the rendered state while only the download progress moves', () => {
    const select = createPageSelector();
    const first = select(start);
    const later = select({ ...start, data: loading(10) });
    expect(select({ ...later, data: loading(20) })).toBe(first);
  });

  it('passes on any other change, and the end of the download', () => {
    const select = createPageSelector();
    select(start);
    const other = { ...start, runId: start.runId + 1 };
    expect(select(other)).toBe(other);
    const errored: AppState = {
      ...other,
      data: { status: 'error', file: 'x', fault: 'missing', message: 'm', retryable: true },
    };
    expect(select(errored)).toBe(errored);
    expect(onlyUnshownMoved(errored, { ...errored, data: loading(1) })).toBe(false);
  });

  it('keeps the rendered state when the test split arrives, which only the sections read', () => {
    const select = createPageSelector();
    const shown = select(start);
    const test = { pixels: new Uint8Array(784), labels: Uint8Array.from([4]) };
    expect(select({ ...start, testSet: test })).toBe(shown);
    // With anything else in the same update, the page renders it (and so the new split too).
    const both = { ...start, testSet: test, runId: start.runId + 1 };
    expect(select(both)).toBe(both);
  });
});
