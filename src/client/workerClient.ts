/**
 * The only code that talks to the workers: it spawns them, sends typed commands and hands
 * every typed reply to the page's store.
 */
import type { FromWorker, ToDataWorker, ToWorker } from '../shared/protocol';

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

/**
 * Starts the two workers: the data worker loads the digits and reports on them to the page,
 * the training worker does everything else. A MessageChannel between them carries the
 * loaded digits across (the page only passes the ports). To the page they are one engine:
 * one send(), one stream of replies, and a crash of either ends both.
 */
export function spawnWorkers(
  onMessage: (message: FromWorker) => void,
  onCrash: (reason: string) => void,
): WorkerClient {
  const dataWorker = listen(
    new Worker(new URL('../worker/data.worker.ts', import.meta.url), {
      type: 'module',
      name: 'latent-lab-data',
    }),
    (reason) => `while loading the digits: ${reason}`,
  );
  const trainingWorker = listen(
    new Worker(new URL('../worker/training.worker.ts', import.meta.url), {
      type: 'module',
      name: 'latent-lab-training',
    }),
    (reason) => reason,
  );

  function listen(worker: Worker, describe: (reason: string) => string): Worker {
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(event.data));
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      onCrash(describe(event.message || 'it stopped unexpectedly'));
    });
    worker.addEventListener('messageerror', () =>
      onCrash('a message from the worker was unreadable'),
    );
    return worker;
  }

  return {
    send(message) {
      if (message.type === 'init') {
        const { port1, port2 } = new MessageChannel();
        const load: ToDataWorker = {
          type: 'load',
          dataBaseUrl: message.dataBaseUrl,
          trainingPort: port1,
        };
        dataWorker.postMessage(load, [port1]);
        trainingWorker.postMessage({ ...message, dataPort: port2 }, [port2]);
      } else if (message.type === 'retryData') {
        dataWorker.postMessage(message);
      } else {
        trainingWorker.postMessage(message);
      }
    },
    terminate() {
      dataWorker.terminate();
      trainingWorker.terminate();
    },
  };
}
