/// <reference lib="webworker" />
/**
 * The data worker: downloads, checks and decodes the digits (dataService.ts). A worker of its
 * own so that this runs beside the training worker's start-up (tfjs takes a second or more to
 * load) instead of after it. It closes itself once the digits are handed over.
 */
import type { ToDataWorker } from '../shared/protocol';
import { createDatasetLoader } from './dataset';
import { createDataService } from './dataService';

declare const self: DedicatedWorkerGlobalScope;

const handle = createDataService({
  createLoader: (baseUrl) => createDatasetLoader({ baseUrl }),
  toPage: (message, transfer) => self.postMessage(message, transfer),
  done: () => self.close(),
});

self.onmessage = (event: MessageEvent<ToDataWorker>) => handle(event.data);
