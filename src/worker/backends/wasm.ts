/**
 * The WebAssembly backend, a chunk of its own: importing the package registers it, and the paths
 * of its binaries are set here, before backendLoad.ts can start it. Without explicit paths tfjs
 * guesses a URL next to the script, and Vite's dev server answers that guess with index.html,
 * which then fails to compile as wasm.
 *
 * tfjs's own threaded build stays off even on a cross-origin isolated page: it would use at most
 * half the cores for untransposed products only, and its helper starts from a blob script that
 * the minified build breaks. Our threads split the batch instead (src/worker/threads/).
 */
import { env } from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
