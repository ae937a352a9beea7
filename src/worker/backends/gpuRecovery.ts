/**
 * What the worker does when the GPU loses its context (issue 9): one recovery at a time, the
 * trainer back at its checkpoint on a new backend, and the page told plainly what happened.
 */
import type { FromWorker } from '../../shared/protocol';
import type { BackendDecision } from './backend';
import type { GpuGuard } from './contextLoss';
import type { Trainer } from '../training/trainer';
import { planFor } from '../threads/threadPool';

export interface GpuRecoveryDeps {
  guard: GpuGuard;
  send(message: FromWorker): void;
  current(): Trainer | null;
  /** No checkpoint to go back to (fresh weights): rebuild them from the seed on the new backend. */
  rebuildFresh(): void;
}

export interface GpuRecovery {
  /** Starts recovery (once, however many times it is asked). */
  recover(): Promise<void>;
  /** The sentence for the page once the run has gone back to `step`. */
  rewindMessage(step: number): string;
}

const WHERE: Record<BackendDecision['name'], string> = {
  webgl: 'on the graphics card, with a new WebGL context',
  wasm: 'on the processor (WebAssembly), because WebGL failed again',
  cpu: 'on the processor (plain JavaScript, slow), because WebGL failed again',
};

export function createGpuRecovery(deps: GpuRecoveryDeps): GpuRecovery {
  let running: Promise<void> | null = null;
  let lostAt = 0;
  let decision: BackendDecision | null = null;

  const rebuild = async () => {
    decision = await deps.guard.rebuild();
    const plan = planFor('auto', decision.name);
    deps.send({
      type: 'backend',
      name: decision.name,
      reason: decision.reason,
      threads: plan.threads,
      threadsReason: plan.reason,
    });
  };

  const recover = async () => {
    const trainer = deps.current();
    lostAt = trainer?.globalStep ?? 0;
    const step = trainer ? await trainer.recoverFromGpuLoss(rebuild) : null;
    if (step !== null) return;
    if (!decision) await rebuild();
    deps.rebuildFresh();
  };

  return {
    recover() {
      running ??= recover()
        .catch((error: unknown) =>
          deps.send({
            type: 'workerError',
            message: `The graphics card lost its WebGL context and training could not go on (${error instanceof Error ? error.message : String(error)}). Reload the page.`,
          }),
        )
        .finally(() => {
          running = null;
          decision = null;
        });
      return running;
    },
    rewindMessage(step) {
      const where = decision ? WHERE[decision.name] : 'on a new backend';
      return `The graphics card lost its WebGL context at step ${lostAt}. Training went back to the copy kept at step ${step} and goes on ${where}. Nothing before step ${step} was lost.`;
    },
  };
}
