/** Records a Trainer's events and lets a test wait for a condition on them (no sleeping). */
import type { LossPoint, RunState } from '../../../src/shared/protocol';
import type {
  EpochEndEvent,
  LatentCodesEvent,
  ProgressEvent,
  TrainerEvents,
} from '../../../src/worker/training/trainer';

export class EventRecorder implements TrainerEvents {
  readonly progresses: ProgressEvent[] = [];
  readonly epochEnds: EpochEndEvent[] = [];
  readonly reconstructionSteps: number[] = [];
  /** The steps whose pictures were tagged for the training timeline. */
  readonly timelineSteps: number[] = [];
  readonly states: RunState[] = [];
  readonly errors: string[] = [];
  readonly codes: LatentCodesEvent[] = [];
  lastPixels: Float32Array | null = null;
  /** What a denoising model was last given for the probes (absent for other kinds). */
  lastInputs: Float32Array | null = null;
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  get losses(): LossPoint[] {
    return this.progresses.flatMap((p) => p.losses);
  }

  /** Resolves as soon as `test()` holds (checked now and after every event). */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  progress(p: ProgressEvent): void {
    this.progresses.push(p);
    this.check();
  }

  epochEnd(e: EpochEndEvent): void {
    this.epochEnds.push(e);
    this.check();
  }

  reconstructions(
    pixels: Float32Array,
    step: number,
    onTimeline = false,
    inputs?: Float32Array,
  ): void {
    this.lastPixels = pixels;
    this.lastInputs = inputs ?? null;
    this.reconstructionSteps.push(step);
    if (onTimeline) this.timelineSteps.push(step);
    this.check();
  }

  latentCodes(codes: LatentCodesEvent): void {
    this.codes.push(codes);
    this.check();
  }

  state(s: RunState): void {
    this.states.push(s);
    this.check();
  }

  error(message: string): void {
    this.errors.push(message);
    this.check();
  }

  private check(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }
}
