/**
 * GPU context loss (issue 9). tfjs has no hook for it (tfjs #756), but its WebGL backend draws on
 * an OffscreenCanvas we can reach, and the canvas fires `webglcontextlost`. When that happens
 * every tensor on the GPU is gone: the trainer goes back to its CPU checkpoint, and this module
 * brings up a backend to go on with: WebGL again on a new context, or WebAssembly when WebGL
 * keeps failing. Kept apart from backend.ts, which chooses the first backend.
 */
import * as tf from '@tensorflow/tfjs-core';
// Type only: the WebGL package is loaded lazily (backendLoad.ts), never by this module.
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { BackendDecision } from './backend';
import { activateBackend, webglBackendClass } from './backendLoad';
import { releaseGpuDataset } from '../training/batchSource';

/** Losses before we stop trusting this GPU and move to the processor for good. */
const WEBGL_REBUILDS = 1;
const POLL_MS = 1000;

export interface GpuGuard {
  /** Watch the current backend's context, if it is WebGL (call after every backend change). */
  watch(): void;
  /** True from the loss until a new backend is up. */
  isLost(): boolean;
  /** A working backend again, and what to tell the student about it. */
  rebuild(): Promise<BackendDecision>;
}

/** Only MathBackendWebGL registers under the name 'webgl', so the name identifies the class. */
function webglBackend(backend: tf.KernelBackend | null): MathBackendWebGL | null {
  return backend as MathBackendWebGL | null;
}

function currentContext(): WebGLRenderingContext | null {
  return tf.getBackend() === 'webgl' ? (webglBackend(tf.backend())?.gpgpu.gl ?? null) : null;
}

/** A tiny sum read back: proves the new backend computes. */
async function works(): Promise<boolean> {
  const sum = tf.tidy(() => tf.sum(tf.tensor1d([1, 2, 3])));
  try {
    return (await sum.data())[0] === 6;
  } finally {
    sum.dispose();
  }
}

/**
 * The dead backend's pending reads poll a fence that a lost context never signals, in a loop
 * that runs forever and burns the worker's CPU; their data is gone anyway, so drop them.
 */
function stopDeadPolling(): void {
  const dead = webglBackend(tf.findBackend('webgl'));
  if (!dead) return;
  (dead.gpgpu as unknown as { itemsToPoll?: unknown[] }).itemsToPoll = [];
}

async function restartWebgl(): Promise<boolean> {
  try {
    // Drops the dead backend (its textures went with the context) and registers a fresh
    // factory: tfjs's own listener has already forgotten the lost context, so a new one is made.
    tf.removeBackend('webgl');
  } catch {
    // Already gone.
  }
  // Already loaded (the lost context was WebGL's), so this only hands back the class.
  const MathBackendWebGL = await webglBackendClass();
  tf.registerBackend('webgl', () => new MathBackendWebGL(), 2);
  const ok = await tf.setBackend('webgl').catch(() => false);
  return ok && !currentContext()?.isContextLost() && (await works());
}

export function createGpuGuard(onLost: () => void): GpuGuard {
  let context: WebGLRenderingContext | null = null;
  let lost = false;
  let losses = 0;
  const onEvent = () => {
    if (lost) return;
    lost = true;
    losses++;
    onLost();
  };

  // The WebWorker typings leave out `canvas`, which the context has in workers too.
  const canvasOf = (gl: WebGLRenderingContext | null) =>
    (gl as unknown as { canvas?: OffscreenCanvas } | null)?.canvas ?? null;

  // A second way to notice: some browsers are slow to fire the event, or never do.
  const poll = setInterval(() => {
    if (!lost && context?.isContextLost()) onEvent();
  }, POLL_MS);
  // A worker never exits while training; this only keeps Node test runs from hanging.
  (poll as unknown as { unref?: () => void }).unref?.();

  const watch = () => {
    const next = currentContext();
    if (next === context) return;
    canvasOf(context)?.removeEventListener('webglcontextlost', onEvent);
    context = next;
    canvasOf(context)?.addEventListener('webglcontextlost', onEvent);
  };

  return {
    watch,
    // The flag can lag the context by a task; asking the context itself closes that gap.
    isLost: () => lost || (context?.isContextLost() ?? false),
    async rebuild() {
      stopDeadPolling();
      // Its data went with the context; the trainer uploads it again to the new backend.
      releaseGpuDataset();
      const count = Math.max(losses, 1);
      if (count <= WEBGL_REBUILDS && (await restartWebgl())) {
        lost = false;
        watch();
        return {
          name: 'webgl',
          reason: null,
        };
      }
      const why =
        count > WEBGL_REBUILDS
          ? 'the graphics card lost its WebGL context again'
          : 'WebGL could not start again after the graphics card lost its context';
      const moved = (await activateBackend('wasm')) && (await works());
      if (!moved && !(await activateBackend('cpu'))) throw new Error('no backend could start');
      lost = false;
      watch();
      return {
        name: moved ? 'wasm' : 'cpu',
        reason: `${why}, so training moved to ${moved ? 'WebAssembly' : 'plain JavaScript'} on the processor`,
      };
    },
  };
}
