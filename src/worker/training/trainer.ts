/**
 * The training run: our own loop (not model.fit) so it can pause, step, stop, stream losses
 * without a sync read per batch, shuffle with a seeded generator and yield without
 * requestAnimationFrame. One Trainer holds one model (fresh seeded weights, or weights handed in
 * to train further) to the end of one run; the weights stay after the run for the views, until
 * dispose() or handOverModel().
 *
 * The Trainer owns the run's state and answers the page's commands. Its parts are built in
 * runSetup.ts; the loop (runLoop.ts), what it shows (runReporter.ts) and what happens when it
 * goes wrong (runRecovery.ts) work through the RunContext built there.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { TrainingConfig } from '../../shared/config';
import type { ModelSummary, RunState } from '../../shared/protocol';
import { shapeMismatch } from '../models/adoptModel';
import type { Divergence } from './divergence';
import { reconstruct, reconstructSync } from '../latent/evaluate';
import { ourAdam } from '../kernels/fastAdam';
import { summarize } from '../models/model';
import { encodeFailure, failureMessage, type RunContext } from './runContext';
import { evaluateTestSet, runBatch, runLoop, settle } from './runLoop';
import { failRun, handleDivergence, recoverFromGpuLoss } from './runRecovery';
import { setUpRun } from './runSetup';
import type { Scheduler } from './schedule';
import type { TrainerOptions } from './trainerEvents';
import type { TrainStepFn } from '../kernels/trainStep';
import { runStep } from '../threads/threadPool';

export type { EpochEndEvent, ProgressEvent, TrainerEvents, TrainerOptions } from './trainerEvents';
export type { LatentCodesEvent } from './trainerEvents';
export { DIVERGED_MESSAGE } from './trainerEvents';

export class Trainer {
  readonly summary: ModelSummary;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  /** The run's parts, shared with the loop, the reporter and recovery. */
  private readonly ctx: RunContext;
  private readonly scheduler: Scheduler;
  private optimizer: tf.Optimizer | null = null;
  private trainStep: TrainStepFn | null = null;
  private state: RunState = 'idle';
  private disposed = false;
  /** Set once the model went to another trainer: then dispose() must leave it alone. */
  private modelHandedOver = false;

  constructor(opts: TrainerOptions) {
    const { ctx, scheduler } = setUpRun(opts, {
      state: () => this.state,
      disposed: () => this.disposed,
      trainStep: () => this.trainStep,
      optimizer: () => this.optimizer,
      adoptOptimizer: (optimizer) => {
        this.optimizer?.dispose();
        this.optimizer = optimizer;
        this.trainStep = runStep(this.ctx.model, optimizer, this.ctx.config);
      },
      endLoop: (state) => this.endLoop(state),
      launchLoop: () => this.launchLoop(),
      diverged: (verdict) => this.diverged(verdict),
    });
    this.ctx = ctx;
    this.scheduler = scheduler;
    this.stepsPerEpoch = ctx.stepsPerEpoch;
    this.totalSteps = ctx.totalSteps;
    this.summary = summarize(ctx.model, ctx.config);
  }

  get runState(): RunState {
    return this.state;
  }

  /** The autoencoder itself, for views (encoder/decoder) after or during a run. */
  get network(): tfl.LayersModel {
    return this.ctx.model;
  }

  /** Steps these weights have been trained for (0 for fresh ones), earlier trainers included. */
  get globalStep(): number {
    return this.ctx.globalStep();
  }

  /** The rebuilds of the probes now (a denoising model's from their damaged copies). */
  reconstructProbes(): Float32Array {
    return reconstructSync(this.ctx.model, this.ctx.probeInputs ?? this.ctx.probes);
  }

  /** A denoising run's probes as damaged for it (a copy), else null. */
  probeInputs(): Float32Array | null {
    return this.ctx.probeInputs?.slice() ?? null;
  }

  /** The model's output for any images (k x 784 bytes), k x 784 values in [0, 1]. */
  reconstructImages(pixels: Uint8Array): Promise<Float32Array> {
    return reconstruct(this.ctx.model, pixels);
  }

  /**
   * Encodes the whole test set with the current weights and emits latentCodes. Queued between
   * batches, so every code comes from the same weights; works during and after a run.
   */
  encodeTestSet(): Promise<number | null> {
    let meanLoss: number | null = null;
    return this.ctx.gate
      .exclusive(async () => {
        const result = await evaluateTestSet(this.ctx, () => this.disposed);
        if (result) this.ctx.reporter.emitCodes(result);
        meanLoss = result?.meanLoss ?? null;
      })
      .then(() => meanLoss);
  }

  /** Slow motion: at most `stepsPerSecond` steps a second (null = full speed), from now on. */
  setSpeed(stepsPerSecond: number | null): void {
    this.ctx.pace.set(stepsPerSecond);
  }

  /**
   * Ends this trainer but keeps its weights alive for the next one ("Train more"). Call it only
   * when no run is going; the model is the caller's from then on.
   */
  handOverModel(): { model: tfl.LayersModel; steps: number } {
    this.modelHandedOver = true;
    this.dispose();
    return { model: this.ctx.model, steps: this.globalStep };
  }

  /** Why these weights cannot be trained further with `config` (another shape), or null. */
  cannotContinueWith(config: TrainingConfig): string | null {
    return shapeMismatch(this.ctx.model, config);
  }

  start(paused: boolean): void {
    if (this.state !== 'idle' || this.disposed) return;
    const { model, config, cursor, gate, safety, reporter } = this.ctx;
    this.optimizer = ourAdam(config.learningRate);
    this.trainStep = runStep(model, this.optimizer, config);
    cursor.beginEpoch(0);
    gate.exclusive(() => safety.checkpoint()).catch(() => undefined);
    // The timeline's first picture: the weights the run starts from, before its first batch.
    gate.exclusive(() => reporter.emitReconstructions()).catch(() => undefined);
    this.setState(paused ? 'paused' : 'running');
    if (!paused) this.launchLoop();
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.endLoop('paused');
  }

  resume(): void {
    if (this.state !== 'paused' || this.disposed) return;
    this.setState('running');
    this.launchLoop();
  }

  /** Exactly one batch while paused; resolves once its loss and reconstructions are out. */
  step(): Promise<void> {
    if (this.state !== 'paused' || this.disposed) return Promise.resolve();
    const ctx = this.ctx;
    return ctx.gate.exclusive(async () => {
      if (this.state !== 'paused' || this.disposed) return;
      ctx.clock.start();
      try {
        await runBatch(ctx);
        await settle(ctx);
        if (this.state === 'paused') await ctx.reporter.emitReconstructions();
      } catch (err) {
        failRun(ctx, failureMessage(err));
      } finally {
        ctx.clock.stop();
      }
    });
  }

  stop(): void {
    if (this.state !== 'running' && this.state !== 'paused') return;
    this.endLoop('stopped');
    // Kept so a lost GPU context after the run costs nothing (issue 9).
    this.ctx.gate.exclusive(() => this.ctx.safety.checkpoint()).catch(() => undefined);
    // The end of a run: the views should show the codes of the weights it stopped with.
    this.encodeTestSet().catch((err: unknown) => this.ctx.events.error(encodeFailure(err)));
  }

  /** Resolves when no batch is running and every loss read so far has finished. */
  async whenIdle(): Promise<void> {
    await this.ctx.gate.whenIdle();
    await this.ctx.losses.drain();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ctx.gate.endLoop();
    this.ctx.clock.stop();
    if (this.state === 'running' || this.state === 'paused') this.state = 'stopped';
    this.scheduler.close();
    this.ctx.pace.cancel();
    if (!this.modelHandedOver) this.ctx.model.dispose();
    this.ctx.batches().dispose();
    this.optimizer?.dispose();
    this.optimizer = null;
    this.trainStep = null;
  }

  /**
   * The GPU lost its context: wait for the batch in flight, let `rebuild` bring a backend back,
   * then go on from the newest checkpoint (running again if it was). Null: no checkpoint.
   */
  recoverFromGpuLoss(rebuild: () => Promise<void>): Promise<number | null> {
    return recoverFromGpuLoss(this.ctx, rebuild);
  }

  private setState(state: RunState): void {
    this.state = state;
    this.ctx.events.state(state);
  }

  private endLoop(state: 'paused' | 'stopped' | 'done'): void {
    this.ctx.gate.endLoop();
    this.ctx.pace.cancel();
    this.ctx.clock.stop();
    this.setState(state);
  }

  /** The loss blew up: stop, and put back the last weights from before it did. */
  private diverged(verdict: Divergence): void {
    handleDivergence(this.ctx, verdict);
  }

  private launchLoop(): void {
    this.ctx.clock.start();
    this.ctx.gate.launch((token) => runLoop(this.ctx, this.scheduler, token));
  }
}
