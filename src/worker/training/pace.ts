/**
 * Slow motion: holds the training loop back to a set number of steps per second so an
 * instructor can talk over single steps. Waits with setTimeout, never requestAnimationFrame
 * (which stops in background tabs, tfjs #8610), and can be woken early when the speed changes
 * or the run pauses, so a 1 step/s wait never delays a click by a second.
 */

export class Pace {
  private intervalMs: number | null = null;
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private wake: (() => void) | null = null;

  /** null = full speed. */
  constructor(stepsPerSecond: number | null = null) {
    this.set(stepsPerSecond);
  }

  /** null or a non-positive number = full speed. Wakes a waiting loop so it takes effect now. */
  set(stepsPerSecond: number | null): void {
    this.intervalMs =
      stepsPerSecond !== null && stepsPerSecond > 0 && Number.isFinite(stepsPerSecond)
        ? 1000 / stepsPerSecond
        : null;
    this.cancel();
  }

  /** True when steps are held back: then every step's loss and rebuilds are shown. */
  get slow(): boolean {
    return this.intervalMs !== null;
  }

  /** Resolves when the next step may start (at once at full speed). */
  async wait(): Promise<void> {
    if (this.intervalMs !== null) {
      const delay = this.lastStartAt + this.intervalMs - performance.now();
      if (delay > 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.timer = setTimeout(resolve, delay);
        });
        this.timer = null;
        this.wake = null;
      }
    }
    this.lastStartAt = performance.now();
  }

  /** Ends a wait early (pause, stop, a new speed). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
