/**
 * The latent views' commands: the test set's codes, rebuilt test images, and the playground
 * (decode codes, encode images, project codes onto the latent map).
 */
import type { ToWorker } from '../../shared/protocol';
import type { HandlerContext } from './handlerContext';
import { answerPlayground } from '../latent/playground';
import { samplesAt } from '../data/probes';

/** Rebuilds the test images the page shows; always answers, so its requests never stall. */
async function reconstructTest(
  ctx: HandlerContext,
  requestId: number,
  wanted: number[],
): Promise<void> {
  const test = ctx.data?.test;
  const indices = test ? wanted.filter((i) => Number.isInteger(i) && i >= 0 && i < test.count) : [];
  const current = ctx.trainer;
  if (!test || !current || indices.length === 0) {
    ctx.send({
      type: 'testReconstructions',
      requestId,
      step: 0,
      indices: [],
      pixels: new Float32Array(0),
    });
    return;
  }
  const pixels = await current.reconstructImages(samplesAt(test, indices).pixels);
  ctx.send({ type: 'testReconstructions', requestId, step: current.globalStep, indices, pixels });
}

export type LatentMessage = Extract<
  ToWorker,
  { type: 'encodeTestSet' | 'reconstructTest' | 'decodeCodes' | 'encodeImages' | 'projectCodes' }
>;

export async function handleLatentMessage(
  ctx: HandlerContext,
  message: LatentMessage,
): Promise<void> {
  switch (message.type) {
    case 'encodeTestSet':
      await ctx.trainer?.encodeTestSet();
      return;
    case 'reconstructTest':
      await reconstructTest(ctx, message.requestId, message.indices);
      return;
    case 'decodeCodes':
    case 'encodeImages':
    case 'projectCodes':
      await answerPlayground(message, ctx.trainer?.network ?? null, ctx.latestCodes, ctx.send);
      return;
  }
}
