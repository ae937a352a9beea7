import { describe, expect, it } from 'vitest';
import {
  MAX_THREADS,
  NOT_ISOLATED_REASON,
  planThreads,
  type ThreadInputs,
} from '../../../../src/worker/threads/threadCount';

const isolatedWasm: ThreadInputs = { cores: 2, isolated: true, backend: 'wasm', requested: 'auto' };

describe('how many threads a run trains on', () => {
  it('leaves one core to the page on an isolated page with WebAssembly', () => {
    expect(planThreads({ ...isolatedWasm, cores: 6 })).toEqual({ threads: 5, reason: null });
    expect(planThreads({ ...isolatedWasm, cores: 4 })).toEqual({ threads: 3, reason: null });
  });

  it('trains on both cores of a two-core device (faster there than one)', () => {
    expect(planThreads(isolatedWasm)).toEqual({ threads: 2, reason: null });
    expect(planThreads({ ...isolatedWasm, requested: '2' })).toEqual({ threads: 2, reason: null });
  });

  it(`stops at ${MAX_THREADS}, however many cores there are`, () => {
    expect(planThreads({ ...isolatedWasm, cores: 64 }).threads).toBe(MAX_THREADS);
  });

  it('uses one thread, and says why, when the page is not isolated', () => {
    expect(planThreads({ ...isolatedWasm, cores: 4, isolated: false })).toEqual({
      threads: 1,
      reason: NOT_ISOLATED_REASON,
    });
  });

  it('honours threads=1, and a number below the cores', () => {
    expect(planThreads({ ...isolatedWasm, requested: '1' })).toEqual({
      threads: 1,
      reason: 'threads=1 was chosen',
    });
    expect(planThreads({ ...isolatedWasm, cores: 8, requested: '3' }).threads).toBe(3);
  });

  it('never asks for more threads than there are cores', () => {
    expect(planThreads({ ...isolatedWasm, cores: 2, requested: '8' }).threads).toBe(2);
  });

  it('uses one thread on one core, or when the browser does not say, without blaming isolation', () => {
    expect(planThreads({ ...isolatedWasm, cores: 1, isolated: false })).toEqual({
      threads: 1,
      reason: 'this device shows one core',
    });
    expect(planThreads({ ...isolatedWasm, cores: undefined }).threads).toBe(1);
  });

  it('is one thread, with nothing to explain, on WebGL and plain JavaScript', () => {
    for (const backend of ['webgl', 'cpu']) {
      expect(planThreads({ ...isolatedWasm, cores: 8, backend })).toEqual({
        threads: 1,
        reason: null,
      });
    }
  });
});
