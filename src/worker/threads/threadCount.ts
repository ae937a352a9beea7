/**
 * How many threads a run trains on, and why not more. Pure, so the rule is tested without a
 * browser: the training worker passes in what it sees (cores, isolation, backend, the link).
 */
import type { ModelKind, ThreadChoice } from '../../shared/config';

/**
 * More helpers than this gain nothing at batch 128: each slice would hold too few rows to keep
 * the matrix kernels busy, and every helper adds a copy of the weights and gradients per step.
 */
export const MAX_THREADS = 8;

export interface ThreadInputs {
  /** navigator.hardwareConcurrency, or undefined where the browser does not say. */
  cores: number | undefined;
  /** self.crossOriginIsolated: without it there is no SharedArrayBuffer to share gradients in. */
  isolated: boolean;
  /** tfjs's current backend: only WebAssembly trains on our threads. */
  backend: string;
  requested: ThreadChoice;
  /** The kind of model: the threads share only the standard model's step. */
  model?: ModelKind;
}

export interface ThreadPlan {
  threads: number;
  /** Why only one thread, in plain words; null when there are more, or one is all there is. */
  reason: string | null;
}

/**
 * How many threads `auto` trains on: every core on a two-core device, else all but one, left for
 * the page, the data and the browser. Measured here (2 cores, 2026-12-07): the default run in the
 * real page took 65.8 s on one thread and 51.8 s on two; in the worker alone a step took 11.1
 * against 6.6 ms. (Two threads were slower, 17.5 ms/step, until the step stopped making fresh
 * 0.4 MB arrays: their page faults held both threads up. docs/benchmarks.md has the story.)
 */
export function autoThreads(cores: number): number {
  return cores <= 2 ? cores : cores - 1;
}

export const NOT_ISOLATED_REASON =
  'this page is not cross-origin isolated, so its workers cannot share memory';

export const ONE_THREAD_KINDS_REASON =
  "the threads share only the standard model's step, not the denoising or variational one's";

export function planThreads(inputs: ThreadInputs): ThreadPlan {
  if (inputs.backend !== 'wasm') return { threads: 1, reason: null };
  if (inputs.model !== undefined && inputs.model !== 'ae' && inputs.requested !== '1') {
    return { threads: 1, reason: ONE_THREAD_KINDS_REASON };
  }
  const cores = Math.max(1, Math.floor(inputs.cores ?? 1));
  const wanted = inputs.requested === 'auto' ? autoThreads(cores) : Number(inputs.requested);
  const threads = Math.max(1, Math.min(wanted, cores, MAX_THREADS));
  if (threads <= 1) {
    if (inputs.requested === '1') return { threads: 1, reason: 'threads=1 was chosen' };
    return { threads: 1, reason: cores <= 1 ? 'this device shows one core' : null };
  }
  if (!inputs.isolated) return { threads: 1, reason: NOT_ISOLATED_REASON };
  return { threads, reason: null };
}
