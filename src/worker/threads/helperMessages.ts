/** The messages between the training worker and its helper workers (compute.worker.ts). */
import type { SharedDescription } from './sharedLayout';

export type ToHelper = {
  type: 'attach';
  buffer: SharedArrayBuffer;
  description: SharedDescription;
  /** This helper's place among the helpers (0-based); it is thread index + 1. */
  index: number;
  /** The header's generation when the buffer was handed over: work comes after it. */
  generation: number;
};

export type FromHelper = { type: 'ready' } | { type: 'failed'; message: string };
