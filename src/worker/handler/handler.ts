/**
 * The worker's brain, without the worker: it takes each command from the page and answers
 * through `post`. training.worker.ts only wires it to onmessage, so tests can drive it directly.
 *
 * Commands are handled by job, each module working on one shared HandlerContext: getting the
 * data and the first model ready (handlerData.ts), the run (handlerRun.ts), saved and pretrained
 * models (handlerModels.ts) and the latent views (handlerLatent.ts).
 */
import { transferablesOf, type FromWorker, type ToWorker } from '../../shared/protocol';
import { createGpuRecovery } from '../backends/gpuRecovery';
import {
  freshTrainer,
  onGpuLost,
  sendFirstReconstructions,
  type HandlerContext,
} from './handlerContext';
import { handleDataMessage } from './handlerData';
import type { HandlerDeps, Post } from './handlerDeps';
import { handleLatentMessage } from './handlerLatent';
import { createModelCommands } from './handlerModels';
import { handleRunMessage } from './handlerRun';
import { MODEL_MESSAGES, type ModelMessage } from '../models/modelOps';
import { createSpareModel } from '../models/spareModel';

export type { HandlerDeps, Post, TrainerOptions } from './handlerDeps';

export function createMessageHandler(post: Post, deps: HandlerDeps): (message: ToWorker) => void {
  const ctx: HandlerContext = {
    send: (message: FromWorker) => post(message, transferablesOf(message)),
    deps,
    loader: null,
    data: null,
    probes: null,
    backendReady: null,
    backendSettled: false,
    initConfig: null,
    trainer: null,
    activeRunId: null,
    trainerConfig: null,
    stepsPerSecond: null,
    latestCodes: null,
    gpu: null,
    gpuRecovery: null,
    spare: createSpareModel(deps.buildModel),
  };

  const gpu = deps.createGpuGuard?.(() => onGpuLost(ctx)) ?? null;
  ctx.gpu = gpu;
  ctx.gpuRecovery =
    gpu &&
    createGpuRecovery({
      guard: gpu,
      send: ctx.send,
      current: () => ctx.trainer,
      rebuildFresh: () => {
        const fresh = ctx.trainerConfig && freshTrainer(ctx, ctx.trainerConfig, null);
        if (fresh) sendFirstReconstructions(ctx, fresh);
      },
    });

  const modelCommands = createModelCommands(ctx);

  const handle = async (message: ToWorker) => {
    // Backends load on demand, so no tfjs call may run before init has started one (a failed
    // start is reported by init). Once it has, commands run at once, in order, as before.
    if (message.type !== 'init' && ctx.backendReady && !ctx.backendSettled) {
      await ctx.backendReady.catch(() => undefined);
    }
    if (MODEL_MESSAGES.has(message.type)) return modelCommands(message as ModelMessage);
    switch (message.type) {
      case 'init':
      case 'retryData':
      case 'reset':
        await handleDataMessage(ctx, message);
        return;
      case 'encodeTestSet':
      case 'reconstructTest':
      case 'decodeCodes':
      case 'encodeImages':
      case 'projectCodes':
        await handleLatentMessage(ctx, message);
        return;
      case 'loadPretrained':
        await modelCommands(message);
        return;
      case 'start':
      case 'setSpeed':
      case 'benchmark':
      case 'diagnostics':
      case 'pause':
      case 'resume':
      case 'step':
      case 'stop':
        await handleRunMessage(ctx, message);
        return;
    }
  };

  return (message) => {
    handle(message).catch((error: unknown) => {
      ctx.send({
        type: 'workerError',
        message: error instanceof Error ? error.message : String(error),
      });
    });
  };
}
