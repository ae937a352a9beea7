/**
 * Keeps a trainer's work in order: one training loop at a time, each under a token that ends it
 * when bumped, and batches that never overlap (the loop's and Step's, recovery's, the views').
 */
export class RunGate {
  /** Bumped whenever the loop must end (pause, stop, done, failure); a loop runs under one. */
  private token = 0;
  private loopDone: Promise<void> = Promise.resolve();
  /** Serialises batches: the loop's and Step's never overlap. */
  private busy: Promise<void> = Promise.resolve();

  /** Ends the loop running under the current token (it notices at its next check). */
  endLoop(): void {
    this.token++;
  }

  isCurrent(token: number): boolean {
    return token === this.token;
  }

  /** Starts `loop` under a new token once the previous loop has returned. */
  launch(loop: (token: number) => Promise<void>): void {
    const token = ++this.token;
    const previous = this.loopDone;
    this.loopDone = previous.then(() => loop(token));
  }

  /** Runs `task` after every task queued before it; its failure does not block later ones. */
  exclusive(task: () => Promise<void>): Promise<void> {
    const run = this.busy.then(task);
    this.busy = run.catch(() => undefined);
    return run;
  }

  /** Resolves when the loop has returned and no queued task is running. */
  async whenIdle(): Promise<void> {
    await this.loopDone;
    await this.busy;
  }

  /**
   * Ends the loop and forgets the work in flight without waiting for it: after a lost GPU
   * context its reads never finish.
   */
  abandon(): void {
    this.token++;
    this.loopDone = Promise.resolve();
    this.busy = Promise.resolve();
  }
}
