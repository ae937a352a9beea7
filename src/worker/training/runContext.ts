/**
 * The parts of one Trainer that its helpers (the loop, recovery) share. The Trainer builds one
 * and keeps owning everything in it; the helpers read and act through it.
 */
import type { RunHost } from './runHost';
import type { RunReporter } from './runReporter';

export interface RunContext extends RunHost {
  readonly reporter: RunReporter;
}

/** Stopped, done or disposed: nothing more to train or send for this run. */
export function runEnded(ctx: RunContext): boolean {
  return ctx.disposed() || ctx.state() === 'stopped' || ctx.state() === 'done';
}

export function failureMessage(err: unknown): string {
  return `Training failed: ${err instanceof Error ? err.message : String(err)}`;
}

export function encodeFailure(err: unknown): string {
  return `Could not compute the codes of the test images: ${err instanceof Error ? err.message : String(err)}`;
}
