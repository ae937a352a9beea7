/// <reference lib="webworker" />
/**
 * A helper of the training worker (issue 24): tfjs on WebAssembly, serving slices of each batch
 * from shared memory (threads/helperServe.ts). The training worker starts one per extra core.
 */
import { activateBackend } from './backends/backendLoad';
import type { FromHelper, ToHelper } from './threads/helperMessages';
import { serveRun } from './threads/helperServe';
import { warmUpHelper } from './threads/helperWarmUp';

declare const self: DedicatedWorkerGlobalScope;

const started = activateBackend('wasm').then((ok) => {
  if (ok) warmUpHelper();
  return ok;
});

void started.then((ok) => {
  const message: FromHelper = ok
    ? { type: 'ready' }
    : { type: 'failed', message: 'WebAssembly could not start in a helper thread' };
  self.postMessage(message);
});

self.onmessage = async (event: MessageEvent<ToHelper>) => {
  if (await started) serveRun(event.data);
};
