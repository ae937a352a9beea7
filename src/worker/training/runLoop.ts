/**
 * The training loop itself: batches one after another, paced and yielding between them, and
 * what an epoch's end brings (validation loss, the test set's codes, a checkpoint).
 */
import * as tf from '@tensorflow/tfjs-core';
import { isTimelineStep } from '../../shared/timeline';
import { nonFiniteDivergence } from './divergence';
import { EVAL_CHUNK } from '../latent/evaluate';
import { evaluateSet } from '../latent/latents';
import type { Scheduler } from './schedule';
import { failureMessage, runEnded, type RunContext } from './runContext';
import { failRun } from './runRecovery';

/** One pass over the test set: its mean loss and its codes, unless `cancelled` first. */
export function evaluateTestSet(
  ctx: RunContext,
  cancelled: () => boolean,
): ReturnType<typeof evaluateSet> {
  return evaluateSet(ctx.model, ctx.test, cancelled, EVAL_CHUNK, ctx.config);
}

/** Runs batches while `token` is the gate's current one and the run is running. */
export async function runLoop(ctx: RunContext, scheduler: Scheduler, token: number): Promise<void> {
  const live = (): boolean => ctx.gate.isCurrent(token) && ctx.state() === 'running';
  try {
    while (live()) {
      await ctx.pace.wait();
      if (!live()) break;
      await ctx.gate.exclusive(() => (live() ? runBatch(ctx) : Promise.resolve()));
      // Yield every step: a MessageChannel hop costs microseconds, and it keeps
      // pause/step/stop answered within one batch.
      if (live()) await new Promise<void>((resolve) => scheduler.schedule(resolve));
    }
    await ctx.gate.exclusive(() => settle(ctx));
  } catch (err) {
    failRun(ctx, failureMessage(err));
  }
}

export async function runBatch(ctx: RunContext): Promise<void> {
  const trainStep = ctx.trainStep();
  if (runEnded(ctx) || trainStep === null) return;
  const cursor = ctx.cursor;
  const { start, end } = cursor.next();
  const batches = ctx.batches();
  const loss = tf.tidy(() => trainStep(batches.gather(cursor.order, start, end)));
  await ctx.losses.add(loss, cursor.globalStep, cursor.fractionalEpoch, end - start);
  ctx.rate.mark(ctx.clock.elapsed(), cursor.samplesSeen);
  if (runEnded(ctx)) return;
  await ctx.safety.afterStep();
  // In slow motion every step's loss and rebuilds are shown: the instructor talks over each.
  if (ctx.pace.slow) await ctx.losses.drain();
  ctx.reporter.flushProgress(ctx.pace.slow);
  if (cursor.epochComplete) {
    await finishEpoch(ctx);
  } else if (
    ctx.pace.slow ||
    isTimelineStep(cursor.globalStep, ctx.stepsPerEpoch) ||
    (ctx.state() === 'running' && ctx.reporter.reconstructionsStale())
  ) {
    await ctx.reporter.emitReconstructions();
  }
}

async function finishEpoch(ctx: RunContext): Promise<void> {
  await ctx.losses.drain();
  if (runEnded(ctx)) return;
  const { loss: trainLoss, parts: trainParts } = ctx.losses.takeEpoch();
  ctx.reporter.flushProgress(true);
  // One pass gives the validation loss and the test set's codes for the latent views.
  const evaluation = await evaluateTestSet(ctx, () => runEnded(ctx));
  if (evaluation === null || runEnded(ctx)) return;
  const valLoss = evaluation.meanLoss;
  if (!Number.isFinite(valLoss)) return ctx.diverged(nonFiniteDivergence(ctx.cursor.globalStep));
  const epoch = ctx.cursor.epochIndex + 1;
  const valParts = evaluation.parts;
  ctx.events.epochEnd({
    epoch,
    trainLoss,
    valLoss,
    ...(trainParts && { trainParts }),
    ...(valParts && { valParts }),
  });
  ctx.reporter.emitCodes(evaluation);
  await ctx.reporter.emitReconstructions();
  if (runEnded(ctx)) return;
  if (epoch >= ctx.config.epochs) {
    await ctx.safety.checkpoint();
    ctx.endLoop('done');
  } else {
    ctx.cursor.beginEpoch(epoch);
    // A checkpoint never spans an epoch's reshuffle, so going back replays the same batches.
    await ctx.safety.checkpoint();
  }
}

/** Reads every outstanding loss and sends what has not been sent. */
export async function settle(ctx: RunContext): Promise<void> {
  await ctx.losses.drain();
  if (!runEnded(ctx)) ctx.reporter.flushProgress(true);
}
