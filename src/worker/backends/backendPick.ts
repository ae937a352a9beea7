/**
 * Which backend trains, decided by measurement: with backend=auto the worker times a few real
 * training steps on each candidate (WebGL, wasm) and trains on the faster. A GPU's name says
 * little about its speed (a Chromebook's integrated GPU can lose to its own CPU), so only a timing
 * decides. The answer is cached per device (GPU renderer + browser), so the probe is paid once.
 * Pure logic: starting, timing and caching are passed in, so tests can fake each.
 */
import type { BackendProbe, BackendSpeed } from '../../shared/bench';
import type { BackendChoice, BackendName } from '../../shared/config';
import type { ThreadPlan } from '../threads/threadCount';

export interface BackendDecision {
  name: BackendName;
  /** Why this is not WebGL, in plain words; null when it is. */
  reason: string | null;
  /** The speeds behind an automatic choice; absent when the choice was forced. */
  probe?: BackendProbe;
  /** The threads training uses on it (more than one on WebAssembly only); absent: one. */
  threads?: ThreadPlan;
}

export interface CachedPick {
  choice: BackendName;
  speeds: BackendSpeed[];
}

export interface PickCache {
  get(key: string): Promise<CachedPick | null>;
  set(key: string, value: CachedPick): Promise<void>;
}

export interface PickDeps {
  /** The GPU renderer's name, or null when a worker cannot use WebGL2 at all. */
  renderer(): string | null;
  userAgent: string;
  /** Threads wasm trains (and is timed) on: timings on other counts do not compare. */
  wasmThreads?: number;
  /** Makes `name` the current backend: null when it started, else why not, in plain words. */
  start(name: BackendName): Promise<string | null>;
  /** Median ms per training step on the current backend. */
  time(name: 'webgl' | 'wasm'): Promise<number>;
  cache: PickCache;
}

/** Bump when the training step changes enough that old timings no longer compare. */
const PROBE_VERSION = 2;

export const SOFTWARE_GPU_REASON =
  'there is no graphics card here, so WebGL would only emulate one in software';
const NO_WEBGL2_REASON = 'WebGL2 is not available in a worker here';

/** Software renderers emulate a GPU on the CPU: compiling its shaders alone takes seconds. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
}

export function cacheKey(renderer: string | null, userAgent: string, wasmThreads = 1): string {
  const threads = wasmThreads > 1 ? ` | wasm on ${wasmThreads} threads` : '';
  return `v${PROBE_VERSION} | ${renderer ?? 'no WebGL2'} | ${userAgent}${threads}`;
}

async function fallBack(reason: string, deps: PickDeps): Promise<BackendDecision> {
  const wasmProblem = await deps.start('wasm');
  if (wasmProblem === null) return { name: 'wasm', reason };
  if ((await deps.start('cpu')) === null) {
    return { name: 'cpu', reason: `${reason}, and WebAssembly failed to start too` };
  }
  throw new Error('No tfjs backend could start in this browser.');
}

async function forced(choice: BackendName, deps: PickDeps): Promise<BackendDecision> {
  const problem = await deps.start(choice);
  if (problem === null) {
    return {
      name: choice,
      reason: choice === 'webgl' ? null : `chosen in the link (backend=${choice})`,
    };
  }
  return fallBack(
    choice === 'webgl' ? problem : `backend=${choice} was asked for but could not start`,
    deps,
  );
}

/** Starts and times one candidate; a failure becomes a note, never an exception. */
async function measure(name: 'webgl' | 'wasm', deps: PickDeps): Promise<BackendSpeed> {
  const problem = await deps.start(name);
  if (problem !== null) return { name, msPerStep: null, note: problem };
  try {
    const threads = name === 'wasm' && (deps.wasmThreads ?? 1) > 1 ? deps.wasmThreads : undefined;
    return { name, msPerStep: await deps.time(name), note: null, ...(threads && { threads }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { name, msPerStep: null, note: `failed while training: ${message}` };
  }
}

function fastest(speeds: BackendSpeed[]): BackendSpeed | null {
  const measured = speeds.filter((s) => s.msPerStep !== null);
  measured.sort((a, b) => (a.msPerStep ?? 0) - (b.msPerStep ?? 0));
  return measured[0] ?? null;
}

function reasonFor(choice: BackendName, speeds: BackendSpeed[]): string | null {
  if (choice === 'webgl') return null;
  const webgl = speeds.find((s) => s.name === 'webgl');
  const mine = speeds.find((s) => s.name === choice);
  if (webgl?.msPerStep != null && mine?.msPerStep != null) {
    return `WebGL measured slower here (${Math.round(webgl.msPerStep)} ms per step, against ${Math.round(mine.msPerStep)})`;
  }
  return webgl?.note ?? 'WebGL could not start in this browser';
}

async function probe(
  key: string,
  renderer: string | null,
  deps: PickDeps,
): Promise<BackendDecision> {
  const speeds: BackendSpeed[] = [];
  if (renderer === null) speeds.push({ name: 'webgl', msPerStep: null, note: NO_WEBGL2_REASON });
  else if (isSoftwareRenderer(renderer)) {
    speeds.push({ name: 'webgl', msPerStep: null, note: SOFTWARE_GPU_REASON });
  } else speeds.push(await measure('webgl', deps));
  speeds.push(await measure('wasm', deps));
  const best = fastest(speeds);
  if (best === null) {
    const reason = reasonFor('wasm', speeds) ?? 'WebGL could not start in this browser';
    return { ...(await fallBack(reason, deps)), probe: { speeds, cached: false } };
  }
  const problem = await deps.start(best.name);
  if (problem !== null) return fallBack(problem, deps);
  // A failed write only means probing again next time.
  await deps.cache.set(key, { choice: best.name, speeds }).catch(() => undefined);
  return {
    name: best.name,
    reason: reasonFor(best.name, speeds),
    probe: { speeds, cached: false },
  };
}

export async function pickBackend(choice: BackendChoice, deps: PickDeps): Promise<BackendDecision> {
  if (choice !== 'auto') return forced(choice, deps);
  const renderer = deps.renderer();
  const key = cacheKey(renderer, deps.userAgent, deps.wasmThreads);
  const cached = await deps.cache.get(key).catch(() => null);
  if (cached && (await deps.start(cached.choice)) === null) {
    return {
      name: cached.choice,
      reason: reasonFor(cached.choice, cached.speeds),
      probe: { speeds: cached.speeds, cached: true },
    };
  }
  return probe(key, renderer, deps);
}
