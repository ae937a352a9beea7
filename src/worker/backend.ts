/**
 * Starts the tfjs backend the worker trains on (which one: backendPick.ts). `tf.setBackend`
 * answers false rather than throwing when a backend cannot start, so every answer is checked.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice, BackendName } from '../shared/config';
import { pickBackend, type BackendDecision } from './backendPick';
import { probeStepMs } from './backendTiming';
import { indexedDbPickCache } from './probeCache';

export type { BackendDecision } from './backendPick';

// Without explicit paths tfjs guesses a URL next to the script, and Vite's dev server answers
// that guess with index.html, which then fails to compile as wasm.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

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
  const ok = await tf.setBackend('webgl').catch(() => false);
  if (!ok) return 'WebGL could not start in this browser';
  if (!tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) {
    // tfjs would quietly train in float16 here, and the loss turns into NaN (tfjs #3267).
    return 'this GPU cannot compute in 32-bit floats, which training needs';
  }
  return null;
}

async function tryBackend(name: 'wasm' | 'cpu'): Promise<boolean> {
  return tf.setBackend(name).catch(() => false);
}

/** Starts `name`: null when it runs, else why not, in plain words. */
async function startBackend(name: BackendName): Promise<string | null> {
  if (name === 'webgl') return tryWebgl();
  return (await tryBackend(name)) ? null : `${name} could not start in this browser`;
}

/**
 * backend=webgl|wasm|cpu is honoured (falling back when it cannot start); backend=auto is decided
 * by timing WebGL and wasm once per device (backendPick.ts), and remembered in IndexedDB.
 */
export function selectBackend(choice: BackendChoice): Promise<BackendDecision> {
  return pickBackend(choice, {
    renderer: gpuRenderer,
    userAgent: typeof navigator === 'undefined' ? 'unknown' : navigator.userAgent,
    start: startBackend,
    time: probeStepMs,
    cache: indexedDbPickCache,
  });
}
