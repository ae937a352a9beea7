/**
 * The handler's shared state, and how it builds trainers from it. Each group of commands
 * (handlerData.ts, handlerRun.ts, handlerModels.ts, handlerLatent.ts) reads and changes one
 * HandlerContext, so a trainer built by one is the one the others see.
 */
import type { TrainingConfig } from '../../shared/config';
import { computeLatentStats } from '../../shared/latentStats';
import type { FromWorker } from '../../shared/protocol';
import type { BackendDecision } from '../backends/backend';
import type { GpuGuard } from '../backends/contextLoss';
import type { MnistData } from '../data/dataset';
import type { GpuRecovery } from '../backends/gpuRecovery';
import type { DatasetLoader } from '../data/dataset';
import type { HandlerDeps } from './handlerDeps';
import { joinChunks } from '../data/pixelChunks';
import type { LatestCodes } from '../latent/playground';
import type { SpareModel } from '../models/spareModel';
import type { Trainer, TrainerEvents } from '../training/trainer';

export interface HandlerContext {
  readonly send: (message: FromWorker) => void;
  readonly deps: HandlerDeps;
  loader: DatasetLoader | null;
  data: MnistData | null;
  probes: Uint8Array | null;
  backendReady: Promise<BackendDecision> | null;
  /** Whether backendReady has settled: commands that use tfjs wait for it until then. */
  backendSettled: boolean;
  /** The config the page sent with init (the backend choice, the benchmark's sizes). */
  initConfig: TrainingConfig | null;
  trainer: Trainer | null;
  /** The run whose commands count; others are stale. Null: the trainer runs no page run. */
  activeRunId: number | null;
  /** The config the current trainer was built with (saved with its model). */
  trainerConfig: TrainingConfig | null;
  /** Slow motion, kept here so every later trainer starts at the speed the page chose. */
  stepsPerSecond: number | null;
  /** The newest test-set codes, for the latent map's projectCodes. */
  latestCodes: LatestCodes | null;
  gpu: GpuGuard | null;
  gpuRecovery: GpuRecovery | null;
  /** A network with fresh weights, built while the digits are on their way (spareModel.ts). */
  spare: SpareModel;
}

/** Weights a new trainer starts from, and the steps they were trained for. */
export interface StartingWeights {
  model: Trainer['network'];
  steps: number;
}

/** Routes a trainer's events to the page, tagged with the run they belong to. */
function eventsFor(ctx: HandlerContext, runId: number | null): TrainerEvents {
  const send = ctx.send;
  return {
    progress: (progress) => runId !== null && send({ type: 'progress', runId, ...progress }),
    epochEnd: (end) => runId !== null && send({ type: 'epochEnd', runId, ...end }),
    reconstructions: (pixels, step, timeline, inputs) =>
      send({ type: 'reconstructions', runId, step, pixels, timeline, ...(inputs && { inputs }) }),
    latentCodes: (codes) => {
      // Kept (copied: the original is transferred) for the latent map's projectCodes.
      ctx.latestCodes = {
        runId,
        step: codes.step,
        latentDim: codes.latentDim,
        codes: codes.codes.slice(),
      };
      const labels = ctx.data?.test.labels;
      if (!labels) return;
      const { latentDim, unitKl } = codes;
      const stats = computeLatentStats(codes.codes, codes.losses, labels, latentDim, unitKl);
      send({ type: 'latentCodes', runId, ...codes, stats });
    },
    state: (state) => runId !== null && send({ type: 'runState', runId, state }),
    error: (message, kind) => send({ type: 'workerError', message, ...(kind && { kind }) }),
    rewound: (step) =>
      runId !== null &&
      send({
        type: 'runRewind',
        runId,
        step,
        message: ctx.gpuRecovery?.rewindMessage(step) ?? '',
      }),
  };
}

/** A trainer on the loaded digits, not yet the current one; null before the data is in. */
export function buildTrainer(
  ctx: HandlerContext,
  config: TrainingConfig,
  runId: number | null,
  from?: StartingWeights,
): Trainer | null {
  const { data, probes, gpu } = ctx;
  if (!data || !probes) return null;
  const spare = from ? undefined : ctx.spare.take(config);
  try {
    return ctx.deps.createTrainer({
      config,
      train: { ...data.train, count: Math.min(config.trainSize, data.train.count) },
      // One sheet in the real app: a view of it, not a copy.
      test: { pixels: joinChunks(data.test), count: data.test.count },
      probes,
      events: eventsFor(ctx, runId),
      model: from?.model ?? spare,
      priorSteps: from?.steps,
      stepsPerSecond: ctx.stepsPerSecond,
      gpuLost: gpu ? gpu.isLost : undefined,
      onGpuLost: () => onGpuLost(ctx),
    });
  } catch (error) {
    spare?.dispose();
    throw error;
  }
}

/**
 * The GPU context is gone, and with it every weight on the GPU: a network kept for later
 * would train from garbage. Then the recovery (gpuRecovery.ts) brings a backend back.
 */
export function onGpuLost(ctx: HandlerContext): void {
  ctx.spare.drop();
  void ctx.gpuRecovery?.recover();
}

/** Replaces the current trainer with a new one for `runId` and tells the page its shape. */
export function freshTrainer(
  ctx: HandlerContext,
  config: TrainingConfig,
  runId: number | null,
  from?: StartingWeights,
): Trainer | null {
  if (!ctx.data || !ctx.probes) return null;
  ctx.trainer?.dispose();
  ctx.activeRunId = runId;
  ctx.trainerConfig = config;
  ctx.trainer = buildTrainer(ctx, config, runId, from);
  if (ctx.trainer) ctx.send({ type: 'modelSummary', summary: ctx.trainer.summary });
  return ctx.trainer;
}

/** A new trainer's first picture: its weights' guesses for the probes, before any step. */
export function sendFirstReconstructions(ctx: HandlerContext, trainer: Trainer): void {
  const pixels = trainer.reconstructProbes();
  const inputs = trainer.probeInputs();
  ctx.send({ type: 'reconstructions', runId: null, step: 0, pixels, ...(inputs && { inputs }) });
}
