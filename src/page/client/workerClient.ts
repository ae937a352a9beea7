/**
 * The only code that talks to the workers: it spawns them, sends typed commands and hands
 * every typed reply to the page's store.
 */
import type { FromWorker, ToDataWorker, ToWorker } from '../../shared/protocol';

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

/** Where the sprite sheets live, relative to the page so any sub-path deploy works. */
export function dataBaseUrl(): string {
  return new URL('data/mnist/', document.baseURI).href;
}

/**
 * The data worker, started as soon as the page's script runs, before React renders: the
 * download is the longest wait before the digits appear, and it need not wait for the page.
 * Until spawnWorkers takes it over, its messages and errors are kept, not lost.
 */
export interface DataWorkerStart {
  worker: Worker;
  /** The training worker's end of the channel the digits will travel through. */
  trainingPort: MessagePort;
  /** Hands over to `listener` everything that came so far (in a microtask), and all that follows. */
  attach(listener: (event: Event) => void): void;
}

export function startDataWorker(dataBaseUrl: string): DataWorkerStart {
  const worker = new Worker(new URL('../../worker/data.worker.ts', import.meta.url), {
    type: 'module',
    name: 'latent-lab-data',
  });
  let deliver: ((event: Event) => void) | null = null;
  const kept: Event[] = [];
  const keep = (event: Event) => {
    if (deliver) return deliver(event);
    // An error kept for later must not reach the console as unhandled in the meantime.
    if (event.type === 'error') event.preventDefault();
    kept.push(event);
  };
  for (const type of ['message', 'error', 'messageerror']) worker.addEventListener(type, keep);
  const { port1, port2 } = new MessageChannel();
  const load: ToDataWorker = { type: 'load', dataBaseUrl, trainingPort: port1 };
  worker.postMessage(load, [port1]);
  return {
    worker,
    trainingPort: port2,
    attach(listener) {
      // In a microtask, once the caller has finished: a crash kept from before may make the
      // listener end the very client its caller is still building (the controller's `worker`).
      // No event can come in between, as events are tasks.
      queueMicrotask(() => {
        deliver = listener;
        for (const event of kept.splice(0)) listener(event);
      });
    },
  };
}

/**
 * Starts the two workers (or takes over a data worker already started): the data worker loads
 * the digits and reports on them to the page, the training worker does everything else. A
 * MessageChannel between them carries the loaded digits across (the page only passes the
 * ports). To the page they are one engine: one send(), one stream of replies, and a crash of
 * either ends both.
 */
export function spawnWorkers(
  onMessage: (message: FromWorker) => void,
  onCrash: (reason: string) => void,
  dataBaseUrl: string,
  started: DataWorkerStart = startDataWorker(dataBaseUrl),
): WorkerClient {
  const dataWorker = started.worker;
  started.attach(handlerFor((reason) => `while loading the digits: ${reason}`));
  const trainingWorker = new Worker(new URL('../../worker/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'latent-lab-training',
  });
  const onTraining = handlerFor((reason) => reason);
  for (const type of ['message', 'error', 'messageerror']) {
    trainingWorker.addEventListener(type, onTraining);
  }

  function handlerFor(describe: (reason: string) => string): (event: Event) => void {
    return (event) => {
      if (event instanceof MessageEvent && event.type === 'message') {
        onMessage(event.data as FromWorker);
      } else if (event.type === 'messageerror') {
        onCrash('a message from the worker was unreadable');
      } else {
        event.preventDefault();
        const { message } = event as Partial<ErrorEvent>;
        onCrash(describe(message || 'it stopped unexpectedly'));
      }
    };
  }

  return {
    send(message) {
      if (message.type === 'init') {
        // The data worker already has its end: it was told to load when it started.
        const init = { ...message, dataPort: started.trainingPort };
        trainingWorker.postMessage(init, [started.trainingPort]);
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
