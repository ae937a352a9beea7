/**
 * The model commands: saved models (save, list, load, delete, export, import; see modelOps.ts)
 * and the shipped pretrained model. Both put a trainer with other weights in place.
 */
import { DEFAULT_CONFIG, IMAGE_SIZE, type TrainingConfig } from '../../shared/config';
import type { ToWorker } from '../../shared/protocol';
import {
  buildTrainer,
  freshTrainer,
  sendFirstReconstructions,
  type HandlerContext,
} from './handlerContext';
import { createModelOps, type ModelMessage } from '../models/modelOps';
import { openModelStore, type ModelStore } from '../models/modelStore';
import { loadPretrained, type PretrainedDeps } from '../models/pretrainedOps';
import type { Trainer } from '../training/trainer';

export type ModelCommand = ModelMessage | Extract<ToWorker, { type: 'loadPretrained' }>;

/** Answers the model commands; the model store is opened on first use. */
export function createModelCommands(ctx: HandlerContext): (message: ModelCommand) => Promise<void> {
  let modelStore: ModelStore | null = null;
  const modelOps = createModelOps({
    send: ctx.send,
    store: () => (modelStore ??= (ctx.deps.openModelStore ?? openModelStore)()),
    current: () =>
      ctx.trainer && ctx.trainerConfig ? { trainer: ctx.trainer, config: ctx.trainerConfig } : null,
    build: (config) => {
      const built = buildTrainer(ctx, config, null);
      if (!built) throw new Error('the digits are not loaded yet');
      return built;
    },
    adopt: async (next, config) => {
      ctx.trainer?.dispose();
      ctx.trainer = next;
      ctx.trainerConfig = config;
      ctx.activeRunId = null;
      ctx.send({ type: 'modelSummary', summary: next.summary });
      sendFirstReconstructions(ctx, next);
      await next.encodeTestSet();
    },
  });

  const pretrainedDeps: PretrainedDeps = {
    send: ctx.send,
    load: (baseUrl: string) => {
      if (!ctx.deps.loadPretrained) throw new Error('this worker cannot load models');
      return ctx.deps.loadPretrained(baseUrl);
    },
    backendChoice: () => ctx.initConfig?.backend ?? DEFAULT_CONFIG.backend,
    probeCount: () => (ctx.data && ctx.probes ? ctx.probes.length / IMAGE_SIZE : null),
    busy: () => ctx.trainer?.runState === 'running' || ctx.trainer?.runState === 'paused',
    adopt: (model: Trainer['network'], config: TrainingConfig, steps: number) => {
      const adopted = freshTrainer(ctx, config, null, { model, steps });
      if (!adopted) throw new Error('the digits are not loaded yet');
      return adopted;
    },
  };

  return (message) =>
    message.type === 'loadPretrained'
      ? loadPretrained(pretrainedDeps, message.runId, message.baseUrl)
      : modelOps(message);
}
