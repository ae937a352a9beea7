/** The messages between the training worker and its helper workers (compute.worker.ts). */
import type { SharedDescription } from './sharedLayout';

export type ToHelper = {
  type: 'attach';
  buffer: SharedArrayBuffer;
  description: SharedDescription;
  /** This helper's place among the helpers (0-based); it computes slice index + 1. */
  index: number;
};

export type FromHelper = { type: 'ready' } | { type: 'failed'; message: string };
