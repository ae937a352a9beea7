/**
 * Starts the tfjs backend the worker trains on (which one: backendPick.ts). A backend's code is
 * fetched only when it is about to start (backendLoad.ts), and every start is checked: a backend
 * that cannot load or start answers false rather than throwing.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendChoice, BackendName, ThreadChoice } from '../../shared/config';
import { activateBackend } from './backendLoad';
import { pickBackend, type BackendDecision } from './backendPick';
import { probeStepMs } from './backendTiming';
import { indexedDbPickCache } from './probeCache';
import { planFor, warmUp } from '../threads/threadPool';

export type { BackendDecision } from './backendPick';

/** The GPU's name as the browser reports it, or null when WebGL2 is not available at all. */
function gpuRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

async function tryWebgl(): Promise<string | null> {
  if (typeof OffscreenCanvas === 'undefined') {
    return 'this browser cannot use WebGL inside a worker (no OffscreenCanvas)';
  }
  if (!(await activateBackend('webgl'))) return 'WebGL could not start in this browser';
  if (!tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) {
    // tfjs would quietly train in float16 here, and the loss turns into NaN (tfjs #3267).
    return 'this GPU cannot compute in 32-bit floats, which training needs';
  }
  return null;
}

/** Loads and starts `name` (only now is its code fetched): null when it runs, else why not. */
async function startBackend(name: BackendName): Promise<string | null> {
  if (name === 'webgl') return tryWebgl();
  return (await activateBackend(name)) ? null : `${name} could not start in this browser`;
}

/**
 * backend=webgl|wasm|cpu is honoured (falling back when it cannot start); backend=auto is decided
 * by timing WebGL and wasm once per device (backendPick.ts), and remembered in IndexedDB. On
 * wasm the helper threads start at once, so the probe times wasm as it will train: threaded.
 */
export async function selectBackend(
  choice: BackendChoice,
  threads: ThreadChoice = 'auto',
): Promise<BackendDecision> {
  const wasmPlan = planFor(threads, 'wasm');
  // Started now, beside the probe: a failed start leaves training on one thread.
  if (choice === 'auto' || choice === 'wasm') void warmUp(wasmPlan);
  const decision = await pickBackend(choice, {
    renderer: gpuRenderer,
    userAgent: typeof navigator === 'undefined' ? 'unknown' : navigator.userAgent,
    wasmThreads: wasmPlan.threads,
    start: startBackend,
    time: (name) => probeStepMs(name, threads),
    cache: indexedDbPickCache,
  });
  return { ...decision, threads: planFor(threads, decision.name) };
}
