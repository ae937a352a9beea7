/**
 * The backends' code, fetched on demand. Each backend is a large chunk of its own (backends/:
 * WebGL's shader kernels, wasm's glue, the CPU kernels) that registers itself with tfjs when
 * evaluated; a worker trains on one of them, so only a backend about to start is loaded.
 * Outside backends/ only type imports of backend packages are allowed (eslint.config.js): a value
 * import would put that backend back into the worker's start-up chunk.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { BackendName } from '../../shared/config';

const importers: Record<BackendName, () => Promise<unknown>> = {
  webgl: () => import('./webgl'),
  wasm: () => import('./wasm'),
  cpu: () => import('./cpu'),
};

const loaded = new Map<BackendName, Promise<void>>();

/** Loads (once) the code of `name`, which registers the backend; rejects if it cannot load. */
function loadBackend(name: BackendName): Promise<void> {
  let load = loaded.get(name);
  if (!load) {
    // A failed fetch is forgotten, so a later call tries the network again.
    load = importers[name]().then(
      () => undefined,
      (error: unknown) => {
        loaded.delete(name);
        throw error;
      },
    );
    loaded.set(name, load);
  }
  return load;
}

/** Loads `name` and makes it the current backend: false when it cannot load or start. */
export async function activateBackend(name: BackendName): Promise<boolean> {
  try {
    await loadBackend(name);
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** The WebGL backend's class, to register a fresh one after a lost context. */
export async function webglBackendClass(): Promise<typeof MathBackendWebGL> {
  return (await import('./webgl')).MathBackendWebGL;
}
