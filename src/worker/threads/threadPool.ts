/**
 * The training worker's one pool of helpers, started when a run first wants more than one thread
 * and kept for the worker's life (a helper's tfjs start-up costs a few hundred milliseconds), and
 * the choice, for each run, between the one-thread step and the threaded one.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { LossKind, ModelKind, ThreadChoice, TrainingConfig } from '../../shared/config';
import { makeTrainStep, type StepKind, type TrainStepFn } from '../kernels/trainStep';
import { createComputePool, type ComputePool } from './computePool';
import { planThreads, type ThreadPlan } from './threadCount';
import { makeThreadedStep } from './threadedStep';

let pool: ComputePool | null = null;

function spawnHelper(): Worker {
  return new Worker(new URL('../compute.worker.ts', import.meta.url), { type: 'module' });
}

/** What this worker can do for `requested` on `backend`, from what the browser says. */
export function planFor(
  requested: ThreadChoice,
  backend: string = tf.getBackend(),
  model: ModelKind = 'ae',
): ThreadPlan {
  const scope = globalThis as {
    crossOriginIsolated?: boolean;
    navigator?: { hardwareConcurrency?: number };
  };
  return planThreads({
    cores: scope.navigator?.hardwareConcurrency,
    isolated: scope.crossOriginIsolated === true && typeof SharedArrayBuffer !== 'undefined',
    backend,
    requested,
    model,
  });
}

/** The pool with at least threads − 1 helpers, started now if need be. */
function poolFor(threads: number): ComputePool {
  if (pool === null || pool.helpers < threads - 1) {
    pool?.dispose();
    pool = createComputePool(threads - 1, spawnHelper);
  }
  return pool;
}

/**
 * Starts the helpers for `plan` (when it has more than one thread) and resolves once they can
 * take work: true when they can, false when they failed (training then stays on one thread).
 */
export function warmUp(plan: ThreadPlan): Promise<boolean> {
  if (plan.threads <= 1) return Promise.resolve(false);
  return poolFor(plan.threads).ready;
}

export interface StepChoice {
  model: tfl.LayersModel;
  optimizer: tf.Optimizer;
  lossKind: LossKind;
  plan: ThreadPlan;
  maxRows: number;
  /** The kind of model and its settings; absent: the standard model. */
  kind?: StepKind;
}

/**
 * The run's step: threaded when its plan has more than one thread, else the one-thread step.
 * Until the helpers are up, the threaded step computes alone (the same maths).
 */
export function stepFor(choice: StepChoice): TrainStepFn {
  const { model, optimizer, lossKind, plan, maxRows, kind } = choice;
  if (plan.threads <= 1 || (kind && kind.model !== 'ae'))
    return makeTrainStep(model, optimizer, lossKind, kind);
  return makeThreadedStep({
    model,
    optimizer,
    lossKind,
    pool: poolFor(plan.threads),
    threads: plan.threads,
    maxRows,
  });
}

/** The step of a run with `config` on the current backend. */
export function runStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  config: Pick<TrainingConfig, 'loss' | 'threads' | 'batchSize'> & StepKind,
): TrainStepFn {
  return stepFor({
    model,
    optimizer,
    lossKind: config.loss,
    plan: planFor(config.threads, undefined, config.model),
    maxRows: config.batchSize,
    kind: config,
  });
}
