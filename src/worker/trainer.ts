/**
 * The training run: our own loop (not model.fit) so it can pause, step, stop, stream losses
 * without a sync read per batch, shuffle with a seeded generator and yield without
 * requestAnimationFrame. One Trainer holds one model (fresh seeded weights, or weights handed in
 * to train further) to the end of one run; the weights stay after the run for the views, until
 * dispose() or handOverModel().
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, type TrainingConfig } from '../shared/config';
import type { ModelSummary, RunState } from '../shared/protocol';
import { isTimelineStep } from '../shared/timeline';
import { modelFor, shapeMismatch } from './adoptModel';
import type { PixelSet } from './batches';
import { createBatchSource, type BatchSource } from './batchSource';
import { EVAL_CHUNK, reconstruct, reconstructSync } from './evaluate';
import { evaluateSet, type SetEvaluation } from './latents';
import { LossTracker } from './lossTracker';
import { ActiveClock, RateMeter } from './meters';
import { summarize } from './model';
import { Pace } from './pace';
import { SEED_STREAM, deriveSeed, mulberry32 } from './random';
import { RunCursor } from './runCursor';
import { RunSafety } from './runSafety';
import { nonFiniteDivergence, type Divergence } from './divergence';
import { createScheduler, type Scheduler } from './schedule';
import type { TrainerEvents, TrainerOptions } from './trainerEvents';
import { kerasAdam, makeTrainStep, type TrainStepFn } from './trainStep';

export type { EpochEndEvent, ProgressEvent, TrainerEvents, TrainerOptions } from './trainerEvents';
export type { LatentCodesEvent } from './trainerEvents';
export { DIVERGED_MESSAGE } from './trainerEvents';

const PROGRESS_INTERVAL_MS = 100;
const RECONSTRUCTION_INTERVAL_MS = 500;

function failureMessage(err: unknown): string {
  return `Training failed: ${err instanceof Error ? err.message : String(err)}`;
}

function encodeFailure(err: unknown): string {
  return `Could not compute the codes of the test images: ${err instanceof Error ? err.message : String(err)}`;
}

export class Trainer {
  readonly summary: ModelSummary;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  private readonly model: tf.LayersModel;
  private readonly config: TrainingConfig;
  private readonly test: PixelSet;
  private readonly probes: Uint8Array;
  private readonly events: TrainerEvents;
  private readonly scheduler: Scheduler;
  /** Rebuilt after a lost GPU context: its GPU copy of the images went with the context. */
  private batches: BatchSource;
  private readonly trainSet: PixelSet;
  private readonly cursor: RunCursor;
  private readonly clock = new ActiveClock();
  private readonly rate = new RateMeter();
  private readonly losses = new LossTracker((step) => this.diverged(nonFiniteDivergence(step)));
  /** Checkpoints and the loss watch (issue 9). */
  private readonly safety: RunSafety;
  private readonly gpuLost: () => boolean;
  private readonly onGpuLost: () => void;
  private optimizer: tf.Optimizer | null = null;
  private trainStep: TrainStepFn | null = null;
  private state: RunState = 'idle';
  private disposed = false;
  /** Bumped whenever the loop must end (pause, stop, done, failure); a loop runs under one. */
  private loopToken = 0;
  private loopDone: Promise<void> = Promise.resolve();
  /** Serialises batches: the loop's and Step's never overlap. */
  private busy: Promise<void> = Promise.resolve();
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  private lastReconstructionAt = Number.NEGATIVE_INFINITY;
  private lastReconstructionStep = -1;
  private readonly pace: Pace;
  /** Set once the model went to another trainer: then dispose() must leave it alone. */
  private modelHandedOver = false;
  private readonly priorSteps: number;

  constructor(opts: TrainerOptions) {
    const trainSize = Math.min(opts.config.trainSize, opts.train.count);
    const batchSize = Math.min(opts.config.batchSize, trainSize);
    this.config = { ...opts.config, trainSize, batchSize };
    this.test = opts.test;
    this.probes = opts.probes;
    this.events = opts.events;
    this.scheduler = opts.schedule
      ? { schedule: opts.schedule, close: () => undefined }
      : createScheduler();
    const shuffleRng = mulberry32(deriveSeed(this.config.seed, SEED_STREAM.shuffle));
    this.cursor = new RunCursor(trainSize, batchSize, shuffleRng);
    this.stepsPerEpoch = this.cursor.stepsPerEpoch;
    this.totalSteps = this.stepsPerEpoch * this.config.epochs;
    const trainPixels = opts.train.pixels.subarray(0, trainSize * IMAGE_SIZE);
    this.trainSet = { pixels: trainPixels, count: trainSize };
    this.batches = createBatchSource(this.trainSet, batchSize);
    this.model = modelFor(this.config, opts.model);
    this.pace = new Pace(opts.stepsPerSecond ?? null);
    this.priorSteps = opts.model ? (opts.priorSteps ?? 0) : 0;
    this.summary = summarize(this.model, this.config);
    this.gpuLost = opts.gpuLost ?? (() => false);
    this.onGpuLost = opts.onGpuLost ?? (() => undefined);
    this.safety = new RunSafety({
      model: this.model,
      cursor: this.cursor,
      losses: this.losses,
      optimizer: () => this.optimizer,
      freshOptimizer: () => kerasAdam(this.config.learningRate),
      adoptOptimizer: (optimizer) => {
        this.optimizer?.dispose();
        this.optimizer = optimizer;
        this.trainStep = makeTrainStep(this.model, optimizer, this.config.loss);
      },
      gpuLost: this.gpuLost,
    });
  }

  get runState(): RunState {
    return this.state;
  }

  /** The autoencoder itself, for views (encoder/decoder) after or during a run. */
  get network(): tf.LayersModel {
    return this.model;
  }

  /** Steps these weights have been trained for (0 for fresh ones), earlier trainers included. */
  get globalStep(): number {
    return this.priorSteps + this.cursor.globalStep;
  }

  reconstructProbes(): Float32Array {
    return reconstructSync(this.model, this.probes);
  }

  /** The model's output for any images (k x 784 bytes), k x 784 values in [0, 1]. */
  reconstructImages(pixels: Uint8Array): Promise<Float32Array> {
    return reconstruct(this.model, pixels);
  }

  /**
   * Encodes the whole test set with the current weights and emits latentCodes. Queued between
   * batches, so every code comes from the same weights; works during and after a run.
   */
  encodeTestSet(): Promise<number | null> {
    let meanLoss: number | null = null;
    return this.exclusive(async () => {
      const result = await this.evaluate(() => this.disposed);
      if (result) this.emitCodes(result);
      meanLoss = result?.meanLoss ?? null;
    }).then(() => meanLoss);
  }

  /** Slow motion: at most `stepsPerSecond` steps a second (null = full speed), from now on. */
  setSpeed(stepsPerSecond: number | null): void {
    this.pace.set(stepsPerSecond);
  }

  /**
   * Ends this trainer but keeps its weights alive for the next one ("Train more"). Call it only
   * when no run is going; the model is the caller's from then on.
   */
  handOverModel(): { model: tf.LayersModel; steps: number } {
    this.modelHandedOver = true;
    this.dispose();
    return { model: this.model, steps: this.globalStep };
  }

  /** Why these weights cannot be trained further with `config` (another shape), or null. */
  cannotContinueWith(config: TrainingConfig): string | null {
    return shapeMismatch(this.model, config);
  }

  start(paused: boolean): void {
    if (this.state !== 'idle' || this.disposed) return;
    this.optimizer = kerasAdam(this.config.learningRate);
    this.trainStep = makeTrainStep(this.model, this.optimizer, this.config.loss);
    this.cursor.beginEpoch(0);
    this.exclusive(() => this.safety.checkpoint()).catch(() => undefined);
    // The timeline's first picture: the weights the run starts from, before its first batch.
    this.exclusive(() => this.emitReconstructions()).catch(() => undefined);
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
    return this.exclusive(async () => {
      if (this.state !== 'paused' || this.disposed) return;
      this.clock.start();
      try {
        await this.runBatch();
        await this.settle();
        if (this.state === 'paused') await this.emitReconstructions();
      } catch (err) {
        this.fail(failureMessage(err));
      } finally {
        this.clock.stop();
      }
    });
  }

  stop(): void {
    if (this.state !== 'running' && this.state !== 'paused') return;
    this.endLoop('stopped');
    // Kept so a lost GPU context after the run costs nothing (issue 9).
    this.exclusive(() => this.safety.checkpoint()).catch(() => undefined);
    // The end of a run: the views should show the codes of the weights it stopped with.
    this.encodeTestSet().catch((err: unknown) => this.events.error(encodeFailure(err)));
  }

  /** Resolves when no batch is running and every loss read so far has finished. */
  async whenIdle(): Promise<void> {
    await this.loopDone;
    await this.busy;
    await this.losses.drain();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.loopToken++;
    this.clock.stop();
    if (this.state === 'running' || this.state === 'paused') this.state = 'stopped';
    this.scheduler.close();
    this.pace.cancel();
    if (!this.modelHandedOver) this.model.dispose();
    this.batches.dispose();
    this.optimizer?.dispose();
    this.optimizer = null;
    this.trainStep = null;
  }

  private setState(state: RunState): void {
    this.state = state;
    this.events.state(state);
  }

  private endLoop(state: 'paused' | 'stopped' | 'done'): void {
    this.loopToken++;
    this.pace.cancel();
    this.clock.stop();
    this.setState(state);
  }

  private fail(message: string): void {
    if (this.state !== 'running' && this.state !== 'paused') return;
    if (this.gpuLost()) {
      // Not the run's fault: recovery (the handler's) goes back to the last checkpoint.
      this.loopToken++;
      this.onGpuLost();
      return;
    }
    this.events.error(message);
    this.endLoop('stopped');
  }

  /** The loss blew up: stop, and put back the last weights from before it did. */
  private diverged(verdict: Divergence): void {
    if (this.state !== 'running' && this.state !== 'paused') return;
    if (this.gpuLost()) return this.fail(verdict.message);
    const good = this.safety.lastGoodBefore(verdict.since);
    const kept = good ? ` The weights from step ${good.step}, before it went wrong, are kept.` : '';
    this.events.error(`${verdict.message}${kept}`, 'diverged');
    this.endLoop('stopped');
    if (!good) return;
    this.exclusive(async () => {
      await this.safety.restore(good);
      if (!this.disposed)
        this.events.reconstructions(await reconstruct(this.model, this.probes), good.step, false);
    }).catch((err: unknown) => this.events.error(failureMessage(err)));
  }

  /**
   * The GPU lost its context: wait for the batch in flight, let `rebuild` bring a backend back,
   * then go on from the newest checkpoint (running again if it was). Null: no checkpoint.
   */
  async recoverFromGpuLoss(rebuild: () => Promise<void>): Promise<number | null> {
    const wasRunning = this.state === 'running';
    // Reads from a lost context never finish, so the batch in flight is abandoned, not awaited.
    this.loopToken++;
    this.loopDone = Promise.resolve();
    this.busy = Promise.resolve();
    this.losses.abandon();
    let step: number | null = null;
    await this.exclusive(async () => {
      await rebuild();
      this.batches.dispose();
      this.batches = createBatchSource(this.trainSet, this.config.batchSize);
      step = await this.safety.restoreLatest();
      if (step === null || this.disposed) return;
      this.lastReconstructionStep = -1;
      this.events.rewound?.(step);
      this.flushProgress(true);
    });
    if (step !== null && wasRunning && this.state === 'running') this.launchLoop();
    return step;
  }

  private ended(): boolean {
    return this.disposed || this.state === 'stopped' || this.state === 'done';
  }

  private exclusive(task: () => Promise<void>): Promise<void> {
    const run = this.busy.then(task);
    this.busy = run.catch(() => undefined);
    return run;
  }

  private launchLoop(): void {
    const token = ++this.loopToken;
    this.clock.start();
    const previous = this.loopDone;
    this.loopDone = previous.then(() => this.loop(token));
  }

  private async loop(token: number): Promise<void> {
    const live = (): boolean => token === this.loopToken && this.state === 'running';
    try {
      while (live()) {
        await this.pace.wait();
        if (!live()) break;
        await this.exclusive(() => (live() ? this.runBatch() : Promise.resolve()));
        // Yield every step: a MessageChannel hop costs microseconds, and it keeps
        // pause/step/stop answered within one batch.
        if (live()) await new Promise<void>((resolve) => this.scheduler.schedule(resolve));
      }
      await this.exclusive(() => this.settle());
    } catch (err) {
      this.fail(failureMessage(err));
    }
  }

  private async runBatch(): Promise<void> {
    const trainStep = this.trainStep;
    if (this.ended() || trainStep === null) return;
    const cursor = this.cursor;
    const { start, end } = cursor.next();
    const loss = tf.tidy(() => trainStep(this.batches.gather(cursor.order, start, end)));
    await this.losses.add(loss, cursor.globalStep, cursor.fractionalEpoch, end - start);
    this.rate.mark(this.clock.elapsed(), cursor.samplesSeen);
    if (this.ended()) return;
    await this.safety.afterStep();
    // In slow motion every step's loss and rebuilds are shown: the instructor talks over each.
    if (this.pace.slow) await this.losses.drain();
    this.flushProgress(this.pace.slow);
    if (cursor.epochComplete) {
      await this.finishEpoch();
    } else if (
      this.pace.slow ||
      isTimelineStep(cursor.globalStep, this.stepsPerEpoch) ||
      (this.state === 'running' &&
        performance.now() - this.lastReconstructionAt >= RECONSTRUCTION_INTERVAL_MS)
    ) {
      await this.emitReconstructions();
    }
  }

  private async finishEpoch(): Promise<void> {
    await this.losses.drain();
    if (this.ended()) return;
    const trainLoss = this.losses.takeEpochMean();
    this.flushProgress(true);
    // One pass gives the validation loss and the test set's codes for the latent views.
    const evaluation = await this.evaluate(() => this.ended());
    if (evaluation === null || this.ended()) return;
    const valLoss = evaluation.meanLoss;
    if (!Number.isFinite(valLoss))
      return this.diverged(nonFiniteDivergence(this.cursor.globalStep));
    const epoch = this.cursor.epochIndex + 1;
    this.events.epochEnd({ epoch, trainLoss, valLoss });
    this.emitCodes(evaluation);
    await this.emitReconstructions();
    if (this.ended()) return;
    if (epoch >= this.config.epochs) {
      await this.safety.checkpoint();
      this.endLoop('done');
    } else {
      this.cursor.beginEpoch(epoch);
      // A checkpoint never spans an epoch's reshuffle, so going back replays the same batches.
      await this.safety.checkpoint();
    }
  }

  /** Reads every outstanding loss and sends what has not been sent. */
  private async settle(): Promise<void> {
    await this.losses.drain();
    if (!this.ended()) this.flushProgress(true);
  }

  private flushProgress(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    const losses = this.losses.takePoints();
    if (losses.length === 0 && !force) return;
    this.lastProgressAt = now;
    const verdict = this.safety.observe(losses);
    if (verdict) this.diverged(verdict);
    this.events.progress({
      epoch: this.cursor.epochIndex + 1,
      epochs: this.config.epochs,
      step: this.cursor.globalStep,
      stepsPerEpoch: this.stepsPerEpoch,
      totalSteps: this.totalSteps,
      losses,
      samplesPerSecond: this.rate.perSecond(),
      elapsedMs: this.clock.elapsed(),
    });
  }

  private evaluate(cancelled: () => boolean): ReturnType<typeof evaluateSet> {
    return evaluateSet(this.model, this.test, cancelled, EVAL_CHUNK, this.config.loss);
  }

  private emitCodes({ latentDim, codes, losses }: SetEvaluation): void {
    if (!this.disposed)
      this.events.latentCodes({ step: this.globalStep, latentDim, codes, losses });
  }

  private async emitReconstructions(): Promise<void> {
    if (this.disposed || this.lastReconstructionStep === this.cursor.globalStep) return;
    const step = this.cursor.globalStep;
    this.lastReconstructionStep = step;
    this.lastReconstructionAt = performance.now();
    const pixels = await reconstruct(this.model, this.probes);
    if (this.disposed || this.state === 'stopped') return;
    this.events.reconstructions(pixels, step, isTimelineStep(step, this.stepsPerEpoch));
  }
}
