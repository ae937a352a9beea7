/**
 * Picks the tfjs backend the worker trains on: WebGL when a real GPU can render float32,
 * otherwise WebAssembly, otherwise plain JavaScript. `tf.setBackend` answers false rather
 * than throwing when a backend cannot start, so every answer is checked.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice, BackendName } from '../shared/config';

// Without explicit paths tfjs guesses a URL next to the script, and Vite's dev server answers
// that guess with index.html, which then fails to compile as wasm.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

export interface BackendDecision {
  name: BackendName;
  /** Why this is not WebGL, in plain words; null when it is. */
  reason: string | null;
}

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

/** Software renderers emulate a GPU on the CPU; there WebAssembly trains about twice as fast. */
function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
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

async function fallBack(reason: string): Promise<BackendDecision> {
  if (await tryBackend('wasm')) return { name: 'wasm', reason };
  if (await tryBackend('cpu')) {
    return { name: 'cpu', reason: `${reason}, and WebAssembly failed to start too` };
  }
  throw new Error('No tfjs backend could start in this browser.');
}

export async function selectBackend(choice: BackendChoice): Promise<BackendDecision> {
  if (choice === 'wasm' || choice === 'cpu') {
    if (await tryBackend(choice))
      return { name: choice, reason: `chosen in the link (backend=${choice})` };
    return fallBack(`backend=${choice} was asked for but could not start`);
  }
  if (choice === 'auto') {
    const renderer = gpuRenderer();
    if (renderer === null) return fallBack('WebGL2 is not available in a worker here');
    if (isSoftwareRenderer(renderer)) {
      return fallBack(
        'there is no graphics card here, so WebGL would only emulate one in software',
      );
    }
  }
  const webglProblem = await tryWebgl();
  if (webglProblem === null) return { name: 'webgl', reason: null };
  return fallBack(webglProblem);
}
