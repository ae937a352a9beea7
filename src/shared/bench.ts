/**
 * Types of the worker's measurement messages (`benchmark`, `diagnostics`) and of the backend
 * probe. The benchmark is part of the product but harmless: it only runs when asked, on its own
 * model, and answers with numbers. No DOM, no tfjs: both sides import this file.
 */
import type { BackendName, ModelKind, ThreadChoice } from './config';

/** tfjs's own accounting of live tensors (tf.memory()). */
export interface TensorMemory {
  numTensors: number;
  numBytes: number;
}

/** Summary of per-step wall times, in milliseconds. */
export interface StepTimes {
  steps: number;
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
}

export interface BenchmarkRequest {
  /** Measured steps per path, after `warmup` unmeasured ones. */
  steps: number;
  warmup: number;
  /** Also time tfjs's usual way, model.fit with a per-batch callback, on the same backend. */
  fitBaseline: boolean;
  /** Threads for our loop (issue 24); the page's setting when absent. */
  threads?: ThreadChoice;
  /** The kind of model to time (issue 25); the standard one when absent. */
  model?: ModelKind;
}

export interface BenchmarkResult {
  backend: BackendName;
  batchSize: number;
  /** Threads our loop trained on (1 on every backend but WebAssembly). */
  threads: number;
  /** The kind of model timed. */
  model: ModelKind;
  /** Our loop: batch gather, hand-written gradients, Adam, loss read asynchronously, yield. */
  ours: StepTimes;
  fit: StepTimes | null;
  memoryBefore: TensorMemory;
  memoryAfter: TensorMemory;
}

export interface Diagnostics {
  backend: string;
  memory: TensorMemory;
  /** The worker's JS heap, where the browser reports it (Chrome); null elsewhere. */
  heapBytes: number | null;
}

/** One candidate's result in the backend probe. */
export interface BackendSpeed {
  name: BackendName;
  /** Median ms per training step at the default model and batch; null when not measured. */
  msPerStep: number | null;
  /** Why it was not measured (it failed to start, or was not tried), in plain words. */
  note: string | null;
  /** Threads it was timed on, when more than one. */
  threads?: number;
}

export interface BackendProbe {
  speeds: BackendSpeed[];
  /** True when the speeds come from an earlier visit on this device (the probe was skipped). */
  cached: boolean;
}

/** Median and spread of a list of times. */
export function summarizeTimes(times: readonly number[]): StepTimes {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mid = sorted.length >> 1;
  const medianMs =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2
        ? sorted[mid]
        : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    steps: sorted.length,
    medianMs,
    p10Ms: at(0.1) ?? Number.NaN,
    p90Ms: at(0.9) ?? Number.NaN,
  };
}
