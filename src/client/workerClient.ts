/**
 * The only code that talks to the training worker: it spawns it, sends typed commands and
 * hands every typed reply to the page's store.
 */
import type { FromWorker, ToWorker } from '../shared/protocol';

export interface WorkerClient {
  send(message: ToWorker): void;
  terminate(): void;
}

/** Module workers are needed for the worker's imports; old browsers ignore `type: 'module'`. */
export function supportsModuleWorkers(): boolean {
  if (typeof Worker === 'undefined') return false;
  let asked = false;
  const probe = {
    get type(): WorkerType {
      asked = true;
      return 'module';
    },
  };
  try {
    // The options are read before the URL is parsed, and this URL cannot be parsed: nothing
    // is fetched or started, and no Content-Security-Policy rule (worker-src) is touched.
    new Worker('http://[', probe).terminate();
  } catch {
    // The invalid URL throws; what matters is whether `type` was read.
  }
  return asked;
}

export function spawnTrainingWorker(
  onMessage: (message: FromWorker) => void,
  onCrash: (reason: string) => void,
): WorkerClient {
  const worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'latent-lab-training',
  });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(event.data));
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    onCrash(event.message || 'the training worker stopped unexpectedly');
  });
  worker.addEventListener('messageerror', () =>
    onCrash('a message from the worker was unreadable'),
  );
  return {
    send: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
}
