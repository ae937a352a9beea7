import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import {
  buildAutoencoder,
  decoderOf,
  encoderOf,
  summarize,
} from '../../../../src/worker/models/model';
import { useWasmBackend } from '../../support/tfNode';

beforeAll(useWasmBackend);

function weightsOf(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync() as Float32Array);
}

describe('buildAutoencoder / summarize', () => {
  it('matches the notebook at the defaults', () => {
    const model = buildAutoencoder(DEFAULT_CONFIG);
    const summary = summarize(model, DEFAULT_CONFIG);
    expect(summary.layers).toEqual([
      { name: 'encoder_hidden', outputShape: '(None, 128)', activation: 'relu', params: 100_480 },
      { name: 'latent', outputShape: '(None, 32)', activation: 'relu', params: 4_128 },
      { name: 'decoder_hidden', outputShape: '(None, 128)', activation: 'relu', params: 4_224 },
      {
        name: 'reconstruction',
        outputShape: '(None, 784)',
        activation: 'sigmoid',
        params: 101_136,
      },
    ]);
    expect(summary.totalParams).toBe(209_968);
    expect(summary.totalParams).toBe(model.countParams());
    expect(summary.inputSize).toBe(784);
    expect(summary.latentDim).toBe(32);
    model.dispose();
  });

  it.each([
    { latentDim: 2, hiddenUnits: 128 },
    { latentDim: 32, hiddenUnits: 64 },
    { latentDim: 256, hiddenUnits: 1024 },
  ])(
    'counts parameters for latent $latentDim, hidden $hiddenUnits',
    ({ latentDim, hiddenUnits }) => {
      const config = { ...DEFAULT_CONFIG, latentDim, hiddenUnits };
      const model = buildAutoencoder(config);
      const summary = summarize(model, config);
      const h = hiddenUnits;
      const expected = [785 * h, (h + 1) * latentDim, (latentDim + 1) * h, (h + 1) * 784];
      expect(summary.layers.map((l) => l.params)).toEqual(expected);
      expect(summary.layers.map((l) => l.outputShape)).toEqual([
        `(None, ${h})`,
        `(None, ${latentDim})`,
        `(None, ${h})`,
        '(None, 784)',
      ]);
      expect(summary.totalParams).toBe(expected.reduce((a, b) => a + b));
      model.dispose();
    },
  );

  it('initialises from the seed: glorot kernels, zero biases, repeatable', () => {
    const a = buildAutoencoder({ ...DEFAULT_CONFIG, seed: 5 });
    const b = buildAutoencoder({ ...DEFAULT_CONFIG, seed: 5 });
    const c = buildAutoencoder({ ...DEFAULT_CONFIG, seed: 6 });
    const [wa, wb, wc] = [a, b, c].map(weightsOf);
    expect(wb).toEqual(wa);
    const kernels = [0, 2, 4, 6];
    for (const k of kernels) expect(wc[k]).not.toEqual(wa[k]);
    // Each layer has its own seed, so no two kernels start from the same random stream.
    expect(Array.from(wa[2].slice(0, 8))).not.toEqual(Array.from(wa[4].slice(0, 8)));
    const fanSums = [784 + 128, 128 + 32, 32 + 128, 128 + 784];
    kernels.forEach((k, i) => {
      const limit = Math.sqrt(6 / fanSums[i]);
      const max = wa[k].reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(max).toBeLessThanOrEqual(limit);
      expect(max).toBeGreaterThan(0.9 * limit);
    });
    for (const bias of [1, 3, 5, 7]) expect(wa[bias].every((v) => v === 0)).toBe(true);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('splits into an encoder and a decoder that share its weights', () => {
    const model = buildAutoencoder({ ...DEFAULT_CONFIG, latentDim: 2 });
    const encoder = encoderOf(model);
    const decoder = decoderOf(model);
    const x = tf.randomUniform([3, 784], 0, 1, 'float32', 1);
    const code = encoder.predict(x) as tf.Tensor;
    expect(code.shape).toEqual([3, 2]);
    const viaHalves = decoder.predict(code) as tf.Tensor;
    const whole = model.predict(x) as tf.Tensor;
    expect(viaHalves.shape).toEqual([3, 784]);
    expect(Array.from(viaHalves.dataSync())).toEqual(Array.from(whole.dataSync()));
    expect(decoder.getLayer('reconstruction')).toBe(model.getLayer('reconstruction'));
    tf.dispose([x, code, viaHalves, whole]);
    model.dispose();
  });
});
