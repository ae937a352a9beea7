import { describe, expect, it } from 'vitest';
import type { BackendName } from '../../../../src/shared/config';
import {
  SOFTWARE_GPU_REASON,
  cacheKey,
  pickBackend,
  type CachedPick,
  type PickDeps,
} from '../../../../src/worker/backends/backendPick';

interface Fake {
  deps: PickDeps;
  started: BackendName[];
  timed: string[];
  store: Map<string, CachedPick>;
}

/** A device whose backends start unless listed in `broken`, and train at `speeds` ms/step. */
function device(opts: {
  renderer?: string | null;
  broken?: BackendName[];
  speeds?: Partial<Record<'webgl' | 'wasm', number>>;
  store?: Map<string, CachedPick>;
}): Fake {
  const started: BackendName[] = [];
  const timed: string[] = [];
  const store = opts.store ?? new Map<string, CachedPick>();
  const deps: PickDeps = {
    renderer: () => (opts.renderer === undefined ? 'ANGLE (NVIDIA GeForce)' : opts.renderer),
    userAgent: 'TestBrowser/1',
    start: async (name) => {
      if (opts.broken?.includes(name)) return `${name} is broken here`;
      started.push(name);
      return null;
    },
    time: async (name) => {
      timed.push(name);
      return opts.speeds?.[name] ?? 10;
    },
    cache: {
      get: async (key) => store.get(key) ?? null,
      set: async (key, value) => void store.set(key, value),
    },
  };
  return { deps, started, timed, store };
}

describe('picking a backend', () => {
  it.each(['webgl', 'wasm', 'cpu'] as const)(
    'honours a forced %s without probing',
    async (name) => {
      const fake = device({ speeds: { webgl: 100, wasm: 1 } });
      const decision = await pickBackend(name, fake.deps);
      expect(decision.name).toBe(name);
      expect(decision.probe).toBeUndefined();
      expect(fake.timed).toEqual([]);
      expect(fake.started).toEqual([name]);
    },
  );

  it('falls back to wasm, then cpu, when a forced backend fails', async () => {
    const wasm = await pickBackend('webgl', device({ broken: ['webgl'] }).deps);
    expect(wasm).toMatchObject({ name: 'wasm', reason: 'webgl is broken here' });
    const cpu = await pickBackend('wasm', device({ broken: ['wasm'] }).deps);
    expect(cpu.name).toBe('cpu');
    expect(cpu.reason).toMatch(/backend=wasm was asked for but could not start/);
    await expect(
      pickBackend('webgl', device({ broken: ['webgl', 'wasm', 'cpu'] }).deps),
    ).rejects.toThrow(/No tfjs backend/);
  });

  it('times both on a real GPU and trains on the faster, ending on it', async () => {
    const gpuWins = device({ speeds: { webgl: 5, wasm: 14 } });
    const decision = await pickBackend('auto', gpuWins.deps);
    expect(decision).toMatchObject({ name: 'webgl', reason: null });
    expect(gpuWins.timed).toEqual(['webgl', 'wasm']);
    expect(gpuWins.started.at(-1)).toBe('webgl');
    expect(decision.probe?.speeds.map((s) => [s.name, s.msPerStep])).toEqual([
      ['webgl', 5],
      ['wasm', 14],
    ]);

    const cpuWins = device({ speeds: { webgl: 60, wasm: 14 } });
    const slowGpu = await pickBackend('auto', cpuWins.deps);
    expect(slowGpu.name).toBe('wasm');
    expect(slowGpu.reason).toMatch(/WebGL measured slower here \(60 ms per step, against 14\)/);
    expect(cpuWins.started.at(-1)).toBe('wasm');
  });

  it('does not time WebGL on a software renderer, and says why', async () => {
    const fake = device({ renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))' });
    const decision = await pickBackend('auto', fake.deps);
    expect(decision).toMatchObject({ name: 'wasm', reason: SOFTWARE_GPU_REASON });
    expect(fake.timed).toEqual(['wasm']);
    expect(decision.probe?.speeds[0]).toEqual({
      name: 'webgl',
      msPerStep: null,
      note: SOFTWARE_GPU_REASON,
    });
  });

  it('falls back when a candidate fails to start or to train', async () => {
    const noGl = await pickBackend('auto', device({ broken: ['webgl'] }).deps);
    expect(noGl).toMatchObject({ name: 'wasm', reason: 'webgl is broken here' });

    const fake = device({});
    fake.deps.time = async (name) => {
      if (name === 'webgl') throw new Error('context lost');
      return 20;
    };
    const trainFails = await pickBackend('auto', fake.deps);
    expect(trainFails.name).toBe('wasm');
    expect(trainFails.reason).toMatch(/failed while training: context lost/);

    const nothingTimes = await pickBackend('auto', device({ broken: ['webgl', 'wasm'] }).deps);
    expect(nothingTimes.name).toBe('cpu');
  });

  it('probes once per device: the second visit reads the cache', async () => {
    const store = new Map<string, CachedPick>();
    const first = device({ speeds: { webgl: 5, wasm: 14 }, store });
    expect((await pickBackend('auto', first.deps)).probe?.cached).toBe(false);
    expect([...store.keys()]).toEqual([cacheKey('ANGLE (NVIDIA GeForce)', 'TestBrowser/1')]);

    const second = device({ speeds: { webgl: 5, wasm: 14 }, store });
    const decision = await pickBackend('auto', second.deps);
    expect(decision).toMatchObject({ name: 'webgl', probe: { cached: true } });
    expect(second.timed).toEqual([]);

    // Another GPU or browser is another device.
    const other = device({ renderer: 'ANGLE (Intel UHD)', speeds: { webgl: 50, wasm: 14 }, store });
    expect((await pickBackend('auto', other.deps)).name).toBe('wasm');
    expect(other.timed).toEqual(['webgl', 'wasm']);
  });

  it('probes again when the cached choice no longer starts', async () => {
    const store = new Map<string, CachedPick>();
    await pickBackend('auto', device({ speeds: { webgl: 5, wasm: 14 }, store }).deps);
    const later = device({ broken: ['webgl'], store });
    const decision = await pickBackend('auto', later.deps);
    expect(decision.name).toBe('wasm');
    expect(later.timed).toEqual(['wasm']);
  });
});
