/**
 * A new helper's first steps ran several times slower than its later ones (its WebAssembly was
 * still being compiled for speed, its memory still growing), and the training worker waited for
 * it: the first loss of a run came ~90 ms later on two threads than on one. So a helper runs a
 * few steps of the notebook's model on blank rows before it says it is ready; until then the
 * training worker trains alone.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../../shared/config';
import { layerShapes } from '../models/layerShapes';
import { zeroLayers } from './helperServe';
import { slicePart } from './sliceGradients';

const WARM_UP_STEPS = 3;

export function warmUpHelper(): void {
  const layers = zeroLayers(layerShapes(DEFAULT_CONFIG), 'helperWarmUp');
  try {
    for (let step = 0; step < WARM_UP_STEPS; step++) {
      tf.tidy(() => {
        const rows = tf.zeros([Math.ceil(DEFAULT_CONFIG.batchSize / 2), IMAGE_SIZE]) as tf.Tensor2D;
        const part = slicePart(layers, rows, 0.5, 'bce');
        part.loss.dataSync();
      });
    }
  } finally {
    for (const layer of layers) tf.dispose([layer.kernel, layer.bias]);
  }
}
