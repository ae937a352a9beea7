/**
 * The training run: our own loop (not model.fit) so it can pause, step, stop, stream losses
 * without a sync read per batch, shuffle with a seeded generator and yield without
 * requestAnimationFrame. One Trainer holds one model from fresh seeded weights to the end of
 * one run; the weights stay after the run for the views, until dispose().
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, type TrainingConfig } from '../shared/config';
import type { ModelSummary, RunState } from '../shared/protocol';
import { BatchBuilder, type PixelSet } from './batches';
import { meanLoss, reconstruct, reconstructSync } from './evaluate';
import { LossTracker } from './lossTracker';
import { ActiveClock, RateMeter } from './meters';
import { buildAutoencoder, summarize } from './model';
import { SEED_STREAM, deriveSeed, mulberry32 } from './random';
import { RunCursor } from './runCursor';
import { createScheduler, type Scheduler } from './schedule';
import { DIVERGED_MESSAGE, type TrainerEvents, type TrainerOptions } from './trainerEvents';
import { kerasAdam, makeTrainStep, type TrainStepFn } from './trainStep';

export type { EpochEndEvent, ProgressEvent, TrainerEvents, TrainerOptions } from './trainerEvents';
export { DIVERGED_MESSAGE } from './trainerEvents';

const PROGRESS_INTERVAL_MS = 100;
const RECONSTRUCTION_INTERVAL_MS = 500;

function failureMessage(err: unknown): string {
  return `Training failed: ${err instanceof Error ? err.message : String(err)}`;
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
  private readonly batches: BatchBuilder;
  private readonly cursor: RunCursor;
  private readonly clock = new ActiveClock();
  private readonly rate = new RateMeter();
  private readonly losses = new LossTracker(() => this.fail(DIVERGED_MESSAGE));
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
    this.batches = new BatchBuilder({ pixels: trainPixels, count: trainSize }, batchSize);
    this.model = buildAutoencoder(this.config);
    this.summary = summarize(this.model, this.config);
  }

  get runState(): RunState {
    return this.state;
  }

  /** The autoencoder itself, for views (encoder/decoder) after or during a run. */
  get network(): tf.LayersModel {
    return this.model;
  }

  reconstructProbes(): Float32Array {
    return reconstructSync(this.model, this.probes);
  }

  start(paused: boolean): void {
    if (this.state !== 'idle' || this.disposed) return;
    this.optimizer = kerasAdam(this.config.learningRate);
    this.trainStep = makeTrainStep(this.model, this.optimizer);
    this.cursor.beginEpoch(0);
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
    this.model.dispose();
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
    this.clock.stop();
    this.setState(state);
  }

  private fail(message: string): void {
    if (this.state !== 'running' && this.state !== 'paused') return;
    this.events.error(message);
    this.endLoop('stopped');
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
    this.flushProgress(false);
    if (cursor.epochComplete) {
      await this.finishEpoch();
    } else if (
      this.state === 'running' &&
      performance.now() - this.lastReconstructionAt >= RECONSTRUCTION_INTERVAL_MS
    ) {
      await this.emitReconstructions();
    }
  }

  private async finishEpoch(): Promise<void> {
    await this.losses.drain();
    if (this.ended()) return;
    const trainLoss = this.losses.takeEpochMean();
    this.flushProgress(true);
    const valLoss = await meanLoss(this.model, this.test, () => this.ended());
    if (valLoss === null || this.ended()) return;
    if (!Number.isFinite(valLoss)) return this.fail(DIVERGED_MESSAGE);
    const epoch = this.cursor.epochIndex + 1;
    this.events.epochEnd({ epoch, trainLoss, valLoss });
    await this.emitReconstructions();
    if (this.ended()) return;
    if (epoch >= this.config.epochs) this.endLoop('done');
    else this.cursor.beginEpoch(epoch);
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

  private async emitReconstructions(): Promise<void> {
    if (this.disposed || this.lastReconstructionStep === this.cursor.globalStep) return;
    const step = this.cursor.globalStep;
    this.lastReconstructionStep = step;
    this.lastReconstructionAt = performance.now();
    const pixels = await reconstruct(this.model, this.probes);
    if (!this.disposed && this.state !== 'stopped') this.events.reconstructions(pixels, step);
  }
}
