/// <reference lib="webworker" />
/**
 * The training worker's entry: tfjs, the trainer and the message handler (workerMain.ts).
 * The digits are loaded beside it by the data worker (data.worker.ts), which the page starts
 * at the same time, so the second or so this entry takes to load tfjs delays neither.
 */
import type { ToWorker } from '../shared/protocol';
import { startHandler } from './handler/workerMain';

declare const self: DedicatedWorkerGlobalScope;

const handle = startHandler((message, transfer) => self.postMessage(message, transfer));

self.onmessage = (event: MessageEvent<ToWorker>) => handle(event.data);
