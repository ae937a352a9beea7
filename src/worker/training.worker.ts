/// <reference lib="webworker" />
/** The worker entry: wires messages to the handler, and nothing else. */
import type { ToWorker } from '../shared/protocol';
import { selectBackend } from './backend';
import { createGpuGuard } from './contextLoss';
import { createDatasetLoader } from './dataset';
import { createMessageHandler } from './handler';
import { fetchPretrained } from './pretrainedFiles';
import { Trainer } from './trainer';

declare const self: DedicatedWorkerGlobalScope;

const handle = createMessageHandler((message, transfer) => self.postMessage(message, transfer), {
  createLoader: (baseUrl) => createDatasetLoader({ baseUrl }),
  selectBackend,
  createTrainer: (options) => new Trainer(options),
  createGpuGuard,
  loadPretrained: fetchPretrained,
});

self.onmessage = (event: MessageEvent<ToWorker>) => handle(event.data);
