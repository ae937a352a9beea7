/**
 * The latent playground's worker side (issue 5): run the decoder on codes the page made up,
 * run the encoder on images the page drew, and project the test codes to 2-D for the map.
 * Each answers even when there is no model yet, so the page's coalescing never stalls.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { IMAGE_SIZE } from '../../shared/config';
import { pca2 } from '../../shared/pca';
import type { FromWorker, ToWorker } from '../../shared/protocol';
import { LATENT_LAYER, LAYER_SPECS } from '../models/layerShapes';
import { denseLayers } from '../models/model';
import { encodeAndScore, latentDimOf } from './latents';

const LATENT_INDEX = LAYER_SPECS.findIndex((spec) => spec.name === LATENT_LAYER);

/** codes (count x latentDim) -> count x 784 pixels in [0, 1], through the decoder's layers. */
export async function decodeCodes(
  model: tfl.LayersModel,
  codes: Float32Array,
): Promise<Float32Array> {
  const dim = latentDimOf(model);
  const count = Math.floor(codes.length / dim);
  if (count === 0) return new Float32Array(0);
  const out = tf.tidy(() => {
    let x = tf.tensor2d(codes.subarray(0, count * dim), [count, dim]);
    for (const layer of denseLayers(model).slice(LATENT_INDEX + 1))
      x = layer.apply(x) as tf.Tensor2D;
    return x;
  });
  try {
    return (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
}

/** images (count x 784, 0..1) -> their codes and reconstructions. */
export async function encodeImages(
  model: tfl.LayersModel,
  pixels: Float32Array,
): Promise<{ latentDim: number; codes: Float32Array; pixels: Float32Array }> {
  const latentDim = latentDimOf(model);
  const count = Math.floor(pixels.length / IMAGE_SIZE);
  if (count === 0) return { latentDim, codes: new Float32Array(0), pixels: new Float32Array(0) };
  const codes = tf.tidy(
    () =>
      encodeAndScore(
        model,
        tf.tensor2d(pixels.subarray(0, count * IMAGE_SIZE), [count, IMAGE_SIZE]),
      ).codes,
  );
  try {
    const codeValues = (await codes.data()) as Float32Array;
    return { latentDim, codes: codeValues, pixels: await decodeCodes(model, codeValues) };
  } finally {
    codes.dispose();
  }
}

export type PlaygroundMessage = Extract<
  ToWorker,
  { type: 'decodeCodes' | 'encodeImages' | 'projectCodes' }
>;

/** The newest test codes the worker sent, kept for projectCodes. */
export interface LatestCodes {
  codes: Float32Array;
  latentDim: number;
  runId: number | null;
  step: number;
}

/** The latent map message for the newest test codes (PCA is plain arithmetic, timed). */
export function latentMapOf(latest: LatestCodes): Extract<FromWorker, { type: 'latentMap' }> {
  const started = performance.now();
  const count = Math.floor(latest.codes.length / latest.latentDim);
  const { coords, explained, axes } = pca2(latest.codes, count, latest.latentDim);
  return {
    type: 'latentMap',
    runId: latest.runId,
    step: latest.step,
    coords,
    explained,
    axes: [Array.from(axes[0]), Array.from(axes[1])],
    ms: Math.round(performance.now() - started),
  };
}

/** Answers one playground command; always answers, so the page's coalescing never stalls. */
export async function answerPlayground(
  message: PlaygroundMessage,
  model: tfl.LayersModel | null,
  latest: LatestCodes | null,
  send: (message: FromWorker) => void,
): Promise<void> {
  if (message.type === 'projectCodes') {
    if (latest) send(latentMapOf(latest));
  } else if (message.type === 'decodeCodes') {
    const pixels = model ? await decodeCodes(model, message.codes) : new Float32Array(0);
    send({ type: 'decodedImages', requestId: message.requestId, pixels });
  } else {
    const empty = { latentDim: 0, codes: new Float32Array(0), pixels: new Float32Array(0) };
    const encoded = model ? await encodeImages(model, message.pixels) : empty;
    send({ type: 'encodedImages', requestId: message.requestId, ...encoded });
  }
}
