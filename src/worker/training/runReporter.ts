/**
 * What a run shows the page while it trains: throttled progress (losses, speed, time), the
 * probes' reconstructions and the test set's codes. It sends; the trainer decides when.
 */
import { isTimelineStep } from '../../shared/timeline';
import { reconstruct } from '../latent/evaluate';
import type { SetEvaluation } from '../latent/latents';
import type { RunHost } from './runHost';

const PROGRESS_INTERVAL_MS = 100;
const RECONSTRUCTION_INTERVAL_MS = 500;

export class RunReporter {
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  private lastReconstructionAt = Number.NEGATIVE_INFINITY;
  private lastReconstructionStep = -1;

  constructor(private readonly host: RunHost) {}

  /** Sends the losses read since the last call; at most every PROGRESS_INTERVAL_MS unless forced. */
  flushProgress(force: boolean): void {
    const host = this.host;
    const now = performance.now();
    if (!force && now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    const losses = host.losses.takePoints();
    if (losses.length === 0 && !force) return;
    this.lastProgressAt = now;
    const verdict = host.safety.observe(losses);
    if (verdict) host.diverged(verdict);
    host.events.progress({
      epoch: host.cursor.epochIndex + 1,
      epochs: host.config.epochs,
      step: host.cursor.globalStep,
      stepsPerEpoch: host.stepsPerEpoch,
      totalSteps: host.totalSteps,
      losses,
      samplesPerSecond: host.rate.perSecond(),
      elapsedMs: host.clock.elapsed(),
    });
  }

  /** Whether a running loop's reconstructions are old enough to send fresh ones. */
  reconstructionsStale(): boolean {
    return performance.now() - this.lastReconstructionAt >= RECONSTRUCTION_INTERVAL_MS;
  }

  /** After going back to a checkpoint, its step must be shown again even if it was before. */
  forgetReconstructionStep(): void {
    this.lastReconstructionStep = -1;
  }

  emitCodes({ latentDim, codes, losses, unitKl }: SetEvaluation): void {
    if (this.host.disposed()) return;
    const step = this.host.globalStep();
    this.host.events.latentCodes({ step, latentDim, codes, losses, ...(unitKl && { unitKl }) });
  }

  async emitReconstructions(): Promise<void> {
    const host = this.host;
    if (host.disposed() || this.lastReconstructionStep === host.cursor.globalStep) return;
    const step = host.cursor.globalStep;
    this.lastReconstructionStep = step;
    this.lastReconstructionAt = performance.now();
    const inputs = host.probeInputs;
    const pixels = await reconstruct(host.model, inputs ?? host.probes);
    if (host.disposed() || host.state() === 'stopped') return;
    const timeline = isTimelineStep(step, host.stepsPerEpoch);
    // A copy: the message transfers its buffers away.
    host.events.reconstructions(pixels, step, timeline, inputs?.slice());
  }
}
