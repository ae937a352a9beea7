/**
 * The run's commands: start (fresh, or "Train more" from the current weights), slow motion,
 * pause/resume/step/stop, and the benchmark, which must not overlap a run.
 */
import type { BenchmarkRequest } from '../../shared/bench';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../shared/config';
import type { ToWorker } from '../../shared/protocol';
import { diagnostics, runBenchmark } from '../backends/benchmark';
import { planFor } from '../threads/threadPool';
import { freshTrainer, type HandlerContext } from './handlerContext';

/** The thread count the page was last told, per handler. */
const announced = new WeakMap<HandlerContext, string>();

/**
 * A run may ask for other threads than the page was told at start-up (the Threads setting):
 * the status line is told again, so it names what this run trains on.
 */
async function announceThreads(ctx: HandlerContext, config: TrainingConfig): Promise<void> {
  const decision = await ctx.backendReady?.catch(() => null);
  if (!decision?.threads) return;
  const plan = planFor(config.threads, decision.name, config.model);
  const key = `${plan.threads} ${plan.reason}`;
  if (key === (announced.get(ctx) ?? `${decision.threads.threads} ${decision.threads.reason}`)) {
    return;
  }
  announced.set(ctx, key);
  const { name, reason, probe } = decision;
  ctx.send({
    type: 'backend',
    name,
    reason,
    probe,
    threads: plan.threads,
    threadsReason: plan.reason,
  });
}

/** "Train more": a new run that starts from the current weights instead of fresh ones. */
function trainMore(ctx: HandlerContext, runId: number, config: TrainingConfig, paused: boolean) {
  const current = ctx.trainer;
  const busy = current?.runState === 'running' || current?.runState === 'paused';
  const problem = !current
    ? 'there are no weights yet'
    : busy
      ? 'a run is still going'
      : current.cannotContinueWith(config);
  if (current === null || problem !== null) {
    ctx.send({ type: 'workerError', message: `Train more did not start: ${problem}.` });
    ctx.send({ type: 'runState', runId, state: 'stopped' });
    return;
  }
  const from = current.handOverModel();
  ctx.trainer = null;
  freshTrainer(ctx, config, runId, from)?.start(paused);
}

/** Times our loop and model.fit side by side, on models of their own (see benchmark.ts). */
async function benchmark(ctx: HandlerContext, request: BenchmarkRequest): Promise<void> {
  await ctx.backendReady;
  const data = ctx.data;
  if (!data) throw new Error('The benchmark needs the dataset: wait for dataReady.');
  if (ctx.trainer?.runState === 'running')
    throw new Error('Pause or stop the run before benchmarking.');
  // A stopped run may still be finishing work (loss reads, test-set codes): not ours to time.
  await ctx.trainer?.whenIdle();
  const config = ctx.initConfig ?? DEFAULT_CONFIG;
  const train = { ...data.train, count: Math.min(config.trainSize, data.train.count) };
  ctx.send({ type: 'benchmarkResult', result: await runBenchmark(config, train, request) });
}

export type RunMessage = Extract<
  ToWorker,
  {
    type: 'start' | 'setSpeed' | 'pause' | 'resume' | 'step' | 'stop' | 'benchmark' | 'diagnostics';
  }
>;

export async function handleRunMessage(ctx: HandlerContext, message: RunMessage): Promise<void> {
  switch (message.type) {
    case 'start':
      if (message.continueTraining) trainMore(ctx, message.runId, message.config, message.paused);
      else freshTrainer(ctx, message.config, message.runId)?.start(message.paused);
      void announceThreads(ctx, message.config);
      return;
    case 'setSpeed':
      ctx.stepsPerSecond = message.stepsPerSecond;
      ctx.trainer?.setSpeed(ctx.stepsPerSecond);
      return;
    case 'benchmark':
      await benchmark(ctx, message.request);
      return;
    case 'diagnostics':
      ctx.send({ type: 'diagnostics', diagnostics: diagnostics() });
      return;
    case 'pause':
    case 'resume':
    case 'step':
    case 'stop': {
      const trainer = ctx.trainer;
      if (!trainer || message.runId !== ctx.activeRunId) return; // a stale command
      await trainer[message.type]();
      return;
    }
  }
}
