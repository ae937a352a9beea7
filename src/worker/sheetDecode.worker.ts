/// <reference lib="webworker" />
/**
 * One of the data worker's two decoding helpers (decoderPool.ts): decodes the sprite sheets
 * it is sent, so two sheets inflate at once while the data worker keeps the downloads flowing.
 */
import { decodeSheet } from './decodeSheet';
import { toWire, type DecodeJob, type DecodeReply } from './sheetDecodeWire';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async ({ data: job }: MessageEvent<DecodeJob>) => {
  let reply: DecodeReply;
  try {
    reply = { id: job.id, gray: await decodeSheet(job.png, job.width, job.height) };
  } catch (error) {
    reply = { id: job.id, error: toWire(error) };
  }
  // The pixels move to the data worker without a copy.
  self.postMessage(reply, 'gray' in reply ? [reply.gray.buffer] : []);
};
