/**
 * Builds one run's parts from a Trainer's options: the config sized to the data, the seeded
 * batch order, the model, the loss tracking, checkpoints, and the RunContext that lends them
 * (and the Trainer's own state, through `hooks`) to the loop, the reporter and recovery.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { TrainingConfig } from '../../shared/config';
import type { RunState } from '../../shared/protocol';
import { NoiseSource, corruptPixels } from './noise';
import { modelFor } from '../models/adoptModel';
import { chunksOf } from '../data/pixelChunks';
import { createBatchSource } from './batchSource';
import { nonFiniteDivergence, type Divergence } from './divergence';
import { ourAdam } from '../kernels/fastAdam';
import { LossTracker } from './lossTracker';
import { ActiveClock, RateMeter } from './meters';
import { Pace } from './pace';
import { SEED_STREAM, deriveSeed, mulberry32 } from './random';
import type { RunContext } from './runContext';
import type { RunHost } from './runHost';
import { RunCursor } from './runCursor';
import { RunGate } from './runGate';
import { RunReporter } from './runReporter';
import { RunSafety } from './runSafety';
import { createScheduler, type Scheduler } from './schedule';
import type { TrainerOptions } from './trainerEvents';
import type { TrainStepFn } from '../kernels/trainStep';

/** What the Trainer keeps to itself and lends the run's helpers. */
export interface TrainerHooks {
  state(): RunState;
  disposed(): boolean;
  trainStep(): TrainStepFn | null;
  optimizer(): tf.Optimizer | null;
  /** Makes `optimizer` the run's (re-binding the train step); the old one is dropped. */
  adoptOptimizer(optimizer: tf.Optimizer): void;
  endLoop(state: 'paused' | 'stopped' | 'done'): void;
  launchLoop(): void;
  /** The loss blew up (a non-finite loss, or the loss watch): see runRecovery.ts. */
  diverged(verdict: Divergence): void;
}

export interface RunSetup {
  ctx: RunContext;
  scheduler: Scheduler;
}

/** What a denoising run gives the network for the ten digits the page shows; null otherwise. */
function damagedProbes(config: TrainingConfig, probes: Uint8Array): Float32Array | null {
  if (config.model !== 'denoising') return null;
  const source = new NoiseSource(deriveSeed(config.seed, SEED_STREAM.probeNoise));
  const pixels = Float32Array.from(probes, (value) => value / 255);
  return corruptPixels(pixels, { kind: config.noiseKind, strength: config.noise }, source);
}

export function setUpRun(opts: TrainerOptions, hooks: TrainerHooks): RunSetup {
  const trainSize = Math.min(opts.config.trainSize, opts.train.count);
  const batchSize = Math.min(opts.config.batchSize, trainSize);
  const config = { ...opts.config, trainSize, batchSize };
  const scheduler = opts.schedule
    ? { schedule: opts.schedule, close: () => undefined }
    : createScheduler();
  const shuffleRng = mulberry32(deriveSeed(config.seed, SEED_STREAM.shuffle));
  const cursor = new RunCursor(trainSize, batchSize, shuffleRng);
  // The first trainSize images: batches are drawn from 0..count-1 only.
  const trainSet = { ...chunksOf(opts.train), count: trainSize };
  // Rebuilt after a lost GPU context: its GPU copy of the images went with the context.
  let batches = createBatchSource(trainSet, batchSize);
  const model = modelFor(config, opts.model);
  const priorSteps = opts.model ? (opts.priorSteps ?? 0) : 0;
  const gpuLost = opts.gpuLost ?? (() => false);
  const losses = new LossTracker((step) => hooks.diverged(nonFiniteDivergence(step)));
  // Checkpoints and the loss watch (issue 9).
  const safety = new RunSafety({
    model,
    cursor,
    losses,
    optimizer: hooks.optimizer,
    freshOptimizer: () => ourAdam(config.learningRate),
    adoptOptimizer: hooks.adoptOptimizer,
    gpuLost,
  });
  const parts: RunHost = {
    model,
    config,
    test: opts.test,
    probes: opts.probes,
    probeInputs: damagedProbes(config, opts.probes),
    events: opts.events,
    cursor,
    losses,
    safety,
    clock: new ActiveClock(),
    rate: new RateMeter(),
    pace: new Pace(opts.stepsPerSecond ?? null),
    gate: new RunGate(),
    stepsPerEpoch: cursor.stepsPerEpoch,
    totalSteps: cursor.stepsPerEpoch * config.epochs,
    gpuLost,
    onGpuLost: opts.onGpuLost ?? (() => undefined),
    state: hooks.state,
    globalStep: () => priorSteps + cursor.globalStep,
    diverged: hooks.diverged,
    disposed: hooks.disposed,
    batches: () => batches,
    rebuildBatches: () => {
      batches.dispose();
      batches = createBatchSource(trainSet, batchSize);
    },
    trainStep: hooks.trainStep,
    endLoop: hooks.endLoop,
    launchLoop: hooks.launchLoop,
  };
  const ctx: RunContext = { ...parts, reporter: new RunReporter(parts) };
  return { ctx, scheduler };
}
