/**
 * Time bookkeeping for a run: training time that excludes pauses, and throughput over a recent
 * window of that time (so the rate reacts to changes but a pause does not drag it down).
 */

export type Now = () => number;

export class ActiveClock {
  private accumulated = 0;
  private since: number | null = null;

  constructor(private readonly now: Now = () => performance.now()) {}

  start(): void {
    if (this.since === null) this.since = this.now();
  }

  stop(): void {
    if (this.since === null) return;
    this.accumulated += this.now() - this.since;
    this.since = null;
  }

  /** Milliseconds spent running. */
  elapsed(): number {
    return this.accumulated + (this.since === null ? 0 : this.now() - this.since);
  }
}

/** Samples per second over the last `windowMs` of active time. */
export class RateMeter {
  private marks: { at: number; samples: number }[] = [];

  constructor(private readonly windowMs = 2000) {}

  /** Records that `samples` images had been processed in total at active time `at`. */
  mark(at: number, samples: number): void {
    this.marks.push({ at, samples });
    // Keep one mark older than the window so the span always covers the whole window.
    while (this.marks.length > 2 && this.marks[1].at <= at - this.windowMs) this.marks.shift();
  }

  perSecond(): number {
    if (this.marks.length === 0) return 0;
    const first = this.marks[0];
    const last = this.marks[this.marks.length - 1];
    if (this.marks.length === 1 || last.at <= first.at) {
      return last.at > 0 ? (last.samples / last.at) * 1000 : 0;
    }
    return ((last.samples - first.samples) / (last.at - first.at)) * 1000;
  }
}
