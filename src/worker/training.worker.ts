/// <reference lib="webworker" />
/**
 * The worker entry. It is small on purpose: the moment the page says where the digits live,
 * their download starts, and only then does the rest of the worker (tfjs and the trainer,
 * most of the worker's code) load and parse, so the two overlap instead of queueing.
 */
import type { ToWorker } from '../shared/protocol';
import { createDatasetLoader } from './dataset';
import { createPrefetcher } from './prefetch';

declare const self: DedicatedWorkerGlobalScope;

const prefetcher = createPrefetcher((baseUrl) => createDatasetLoader({ baseUrl }));
const waiting: ToWorker[] = [];
let handle: ((message: ToWorker) => void) | null = null;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') prefetcher.start(message.dataBaseUrl);
  if (handle) handle(message);
  else waiting.push(message);
};

import('./workerMain').then(
  ({ startHandler }) => {
    handle = startHandler(
      (message, transfer) => self.postMessage(message, transfer),
      prefetcher.loaderFor,
    );
    for (const message of waiting.splice(0)) handle(message);
  },
  (error: unknown) => {
    // Thrown from a task of its own, it reaches the page as the worker's error event, which
    // shows the crash banner with its Restart button.
    setTimeout(() => {
      throw error instanceof Error ? error : new Error(String(error));
    });
  },
);
