/// <reference lib="webworker" />
/**
 * The data worker: downloads, checks and decodes the digits (dataService.ts). A worker of its
 * own so that this runs beside the training worker's start-up (tfjs takes a second or more to
 * load) instead of after it. Two helper workers decode the sheets (decoderPool.ts). All
 * close once the digits are handed over.
 */
import type { ToDataWorker } from '../shared/protocol';
import { createDatasetLoader } from './data/dataset';
import { createDataService } from './data/dataService';
import { decodeSheet } from './decode/decodeSheet';
import { createDecoderPool, type DecodeHelper, type DecoderPool } from './decode/decoderPool';
import { oneAtATime } from './data/pool';
import { sheetReader } from './decode/sheetPixels';

declare const self: DedicatedWorkerGlobalScope;

function spawnHelper(): DecodeHelper | null {
  // Browsers without workers inside workers decode everything here instead.
  if (typeof Worker !== 'function') return null;
  return new Worker(new URL('./decode/sheetDecode.worker.ts', import.meta.url), {
    type: 'module',
    name: 'latent-lab-decode',
  });
}

let decoders: DecoderPool | null = null;
const decoderPool = () =>
  (decoders ??= createDecoderPool(spawnHelper, oneAtATime(sheetReader(decodeSheet))));

const handle = createDataService({
  createLoader: (baseUrl) =>
    createDatasetLoader({ baseUrl, read: (png, layout) => decoderPool().read(png, layout) }),
  toPage: (message, transfer) => self.postMessage(message, transfer),
  done: () => {
    decoders?.close();
    self.close();
  },
});

self.onmessage = (event: MessageEvent<ToDataWorker>) => {
  handle(event.data);
  // The helpers start once the manifest's request is out, not before it: starting a worker
  // costs tens of ms of this thread, and the first sheet needs them only a few hundred ms later.
  decoderPool();
};
