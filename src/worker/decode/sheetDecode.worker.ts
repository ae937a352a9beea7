/// <reference lib="webworker" />
/**
 * One of the data worker's two decoding helpers (decoderPool.ts): decodes and hashes
 * the sprite sheets it is sent, so two sheets are read at once while the data worker keeps the
 * downloads flowing.
 */
import { decodeSheet } from './decodeSheet';
import { toWire, type DecodeJob, type DecodeReply } from './sheetDecodeWire';
import { sheetReader } from './sheetPixels';

const readSheet = sheetReader(decodeSheet);

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async ({ data: job }: MessageEvent<DecodeJob>) => {
  let reply: DecodeReply;
  try {
    reply = { id: job.id, sheet: await readSheet(job.png, job.layout) };
  } catch (error) {
    reply = { id: job.id, error: toWire(error) };
  }
  // The pixels move to the data worker without a copy.
  self.postMessage(reply, 'sheet' in reply ? [reply.sheet.pixels.buffer] : []);
};
