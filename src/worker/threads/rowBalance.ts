/**
 * How many rows of each batch the training worker keeps for itself. An even cut left it waiting
 * ~1.5 ms a step for its helper (measured in Chromium on two cores: a helper woken by
 * Atomics.notify starts its slice that much later, and runs it a little slower), so the cut
 * follows what each step shows: a row more for the training worker when it had to wait, a row
 * fewer when the helpers were done before it. Rows cost ~0.1 ms each, so it settles within a few
 * dozen steps, and it follows the machine as its load changes. The maths does not depend on the
 * cut (slices.ts).
 */

/** Waits shorter than this count as none: the barrier itself costs about that. */
export const WAIT_TOLERANCE_MS = 0.25;

export class RowBalance {
  /** Rows the training worker takes beyond an even cut (negative: fewer). */
  private lead = 0;

  constructor(private readonly threads: number) {}

  /** The training worker's rows of a batch of `rows`: never all, never fewer than one. */
  firstRows(rows: number): number {
    const even = Math.ceil(rows / this.threads);
    const most = rows - (this.threads - 1);
    return Math.max(1, Math.min(most, even + this.lead));
  }

  /** What the last step showed, read right after the training worker's own slice. */
  record(helpersWereDone: boolean, waitedMs: number, rows: number): void {
    const limit = Math.floor(rows / (2 * this.threads));
    if (helpersWereDone) this.lead = Math.max(-limit, this.lead - 1);
    else if (waitedMs > WAIT_TOLERANCE_MS) this.lead = Math.min(limit, this.lead + 1);
  }
}
