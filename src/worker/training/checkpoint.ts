/**
 * In-memory checkpoints of a run, on the CPU: the weights, Adam's moments and step count, and
 * where the run was (epoch, batch, shuffled order, the epoch's loss sum). They are what a run
 * goes back to when the GPU loses its context (the GPU's copy is gone) or when the loss blows
 * up (the last good weights are kept). A checkpoint holding any NaN is never kept.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { EpochSums } from './lossTracker';
import type { RunCursor } from './runCursor';

/** Steps between checkpoints: about 2.5 MB copied from the backend each time, a few ms on wasm. */
export const CHECKPOINT_EVERY = 25;
/** A few recent ones, so a blow-up can go back to before it began. */
const KEEP = 3;

interface SavedTensor {
  name: string;
  shape: number[];
  dtype: tf.DataType;
  values: tf.TypedArray;
}

export interface CursorState {
  epochIndex: number;
  batchInEpoch: number;
  globalStep: number;
  samplesSeen: number;
  order: Uint32Array;
}

export type EpochLossState = EpochSums;

export interface Checkpoint {
  step: number;
  weights: SavedTensor[];
  optimizer: SavedTensor[];
  cursor: CursorState;
  epochLoss: EpochLossState;
}

async function save(named: { name: string; tensor: tf.Tensor }[]): Promise<SavedTensor[]> {
  // data() hands out a fresh copy on wasm and webgl, but the cpu backend's own array, which
  // later steps overwrite. One copy, not two: a checkpoint is ~2.5 MB every few steps.
  const backendsOwn = tf.getBackend() === 'cpu';
  return Promise.all(
    named.map(async ({ name, tensor }) => {
      const values = await tensor.data();
      return {
        name,
        shape: tensor.shape.slice(),
        dtype: tensor.dtype,
        values: backendsOwn ? values.slice() : values,
      };
    }),
  );
}

function finite(values: tf.TypedArray): boolean {
  // A plain loop: every(Number.isFinite) over 630,000 floats took a few ms.
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

const allFinite = (saved: SavedTensor[]) =>
  saved.every((t) => t.dtype !== 'float32' || finite(t.values));

/** Copies everything a run needs to go on from here; null if the numbers are already broken. */
export async function captureCheckpoint(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  cursor: RunCursor,
  epochLoss: EpochLossState,
): Promise<Checkpoint | null> {
  const weights = await save(
    model.weights.map((w) => ({ name: w.originalName, tensor: w.read() })),
  );
  const optimizerWeights = await optimizer.getWeights();
  let optimizerState: SavedTensor[];
  try {
    optimizerState = await save(optimizerWeights);
  } finally {
    // The step count is a fresh scalar; the moments are the optimizer's own variables.
    optimizerWeights[0]?.tensor.dispose();
  }
  if (!allFinite(weights) || !allFinite(optimizerState)) return null;
  return {
    step: cursor.globalStep,
    weights,
    optimizer: optimizerState,
    cursor: {
      epochIndex: cursor.epochIndex,
      batchInEpoch: cursor.batchInEpoch,
      globalStep: cursor.globalStep,
      samplesSeen: cursor.samplesSeen,
      order: cursor.order.slice(),
    },
    epochLoss: { ...epochLoss },
  };
}

const toTensor = (t: SavedTensor) => tf.tensor(t.values, t.shape, t.dtype);

/**
 * Puts a checkpoint back, on whatever backend is current: the model's variables are assigned
 * fresh tensors, the cursor rewinds, and a new optimizer gets the saved moments.
 */
export async function restoreCheckpoint(
  checkpoint: Checkpoint,
  model: tfl.LayersModel,
  cursor: RunCursor,
  freshOptimizer: () => tf.Optimizer,
): Promise<tf.Optimizer> {
  const weights = checkpoint.weights.map(toTensor);
  model.setWeights(weights);
  tf.dispose(weights);
  Object.assign(cursor, { ...checkpoint.cursor, order: checkpoint.cursor.order.slice() });
  const optimizer = freshOptimizer();
  const state = checkpoint.optimizer.map((t) => ({ name: t.name, tensor: toTensor(t) }));
  await optimizer.setWeights(state);
  tf.dispose(state.map((s) => s.tensor));
  return optimizer;
}

/** The last few checkpoints of one run. */
export class CheckpointRing {
  private kept: Checkpoint[] = [];

  add(checkpoint: Checkpoint | null): void {
    if (!checkpoint) return;
    this.kept = [...this.kept.filter((c) => c.step < checkpoint.step), checkpoint].slice(-KEEP);
  }

  latest(): Checkpoint | null {
    return this.kept.at(-1) ?? null;
  }

  /** The newest taken before `step` (weights that had not yet seen that step's batch). */
  before(step: number): Checkpoint | null {
    return this.kept.filter((c) => c.step < step).at(-1) ?? null;
  }

  clear(): void {
    this.kept = [];
  }
}
