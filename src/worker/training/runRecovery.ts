/**
 * When a run goes wrong (issue 9): a failed batch, a loss that blew up, a lost GPU context.
 * Each either ends the run with a message or goes back to a checkpoint the run kept.
 */
import type { Divergence } from './divergence';
import { reconstruct } from '../latent/evaluate';
import { failureMessage, type RunContext } from './runContext';

function running(ctx: RunContext): boolean {
  return ctx.state() === 'running' || ctx.state() === 'paused';
}

/** Ends the run with `message`, unless the GPU is to blame: then recovery takes over. */
export function failRun(ctx: RunContext, message: string): void {
  if (!running(ctx)) return;
  if (ctx.gpuLost()) {
    // Not the run's fault: recovery (the handler's) goes back to the last checkpoint.
    ctx.gate.endLoop();
    ctx.onGpuLost();
    return;
  }
  ctx.events.error(message);
  ctx.endLoop('stopped');
}

/** The loss blew up: stop, and put back the last weights from before it did. */
export function handleDivergence(ctx: RunContext, verdict: Divergence): void {
  if (!running(ctx)) return;
  if (ctx.gpuLost()) return failRun(ctx, verdict.message);
  const good = ctx.safety.lastGoodBefore(verdict.since);
  const kept = good ? ` The weights from step ${good.step}, before it went wrong, are kept.` : '';
  ctx.events.error(`${verdict.message}${kept}`, 'diverged');
  ctx.endLoop('stopped');
  if (!good) return;
  ctx.gate
    .exclusive(async () => {
      await ctx.safety.restore(good);
      if (!ctx.disposed())
        ctx.events.reconstructions(
          await reconstruct(ctx.model, ctx.probeInputs ?? ctx.probes),
          good.step,
          false,
        );
    })
    .catch((err: unknown) => ctx.events.error(failureMessage(err)));
}

/**
 * The GPU lost its context: let `rebuild` bring a backend back, then go on from the newest
 * checkpoint (running again if it was). Null: no checkpoint.
 */
export async function recoverFromGpuLoss(
  ctx: RunContext,
  rebuild: () => Promise<void>,
): Promise<number | null> {
  const wasRunning = ctx.state() === 'running';
  // Reads from a lost context never finish, so the batch in flight is abandoned, not awaited.
  ctx.gate.abandon();
  ctx.losses.abandon();
  let step: number | null = null;
  await ctx.gate.exclusive(async () => {
    await rebuild();
    ctx.rebuildBatches();
    step = await ctx.safety.restoreLatest();
    if (step === null || ctx.disposed()) return;
    ctx.reporter.forgetReconstructionStep();
    ctx.events.rewound?.(step);
    ctx.reporter.flushProgress(true);
  });
  if (step !== null && wasRunning && ctx.state() === 'running') ctx.launchLoop();
  return step;
}
