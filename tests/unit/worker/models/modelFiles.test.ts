import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import { ModelFileError, parseModelJson, shapeDifference } from '../../../../src/shared/savedModel';
import { buildAutoencoder } from '../../../../src/worker/models/model';
import {
  applyWeights,
  checkModelFiles,
  serializeModel,
} from '../../../../src/worker/models/modelFiles';
import { mnistImages, useWasmBackend } from '../../support/tfNode';

const history = {
  losses: [
    { step: 1, epoch: 0.5, loss: 0.69 },
    { step: 2, epoch: 1, loss: 0.5 },
  ],
  epochSummaries: [{ epoch: 1, trainLoss: 0.6, valLoss: 0.55 }],
};

beforeAll(useWasmBackend);

async function saved(config = { ...DEFAULT_CONFIG, seed: 5 }) {
  const model = buildAutoencoder(config);
  const files = await serializeModel(model, {
    name: 'mine',
    config,
    step: 2,
    history,
    weightsFile: 'w.bin',
  });
  return { model, files, config };
}

function predict(model: tf.LayersModel): Float32Array {
  const { pixels } = mnistImages('t10k', 4);
  return tf.tidy(() => {
    const x = tf.tensor2d(
      Float32Array.from(pixels, (v) => v / 255),
      [4, 784],
    );
    return (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
  });
}

async function refusal(json: string, weights: ArrayBuffer): Promise<string> {
  const error = await checkModelFiles(json, weights).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ModelFileError);
  return (error as Error).message;
}

describe('model files', () => {
  it('round-trips weights, config and history exactly, in a file tfjs itself can load', async () => {
    const { model, files, config } = await saved();
    const parsed = await checkModelFiles(files.json, files.weights);
    expect(parsed.meta).toMatchObject({ name: 'mine', step: 2, valLoss: 0.55, config });
    expect(parsed.history).toEqual(history);

    const other = buildAutoencoder({ ...config, seed: 6 });
    expect(predict(other)).not.toEqual(predict(model));
    applyWeights(other, parsed, files.weights);
    expect(predict(other)).toEqual(predict(model));

    // The same files through tfjs's own loader: the Layers format, not something of ours.
    const json = JSON.parse(files.json) as tf.io.ModelJSON;
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: files.weights,
      }),
    );
    expect(predict(loaded)).toEqual(predict(model));
    for (const m of [model, other, loaded]) m.dispose();
  });

  it('refuses truncated, damaged, foreign and mismatched files with plain messages', async () => {
    const { model, files } = await saved();
    model.dispose();
    expect(await refusal(files.json, files.weights.slice(0, 1000))).toMatch(/cut short/);
    const damaged = files.weights.slice(0);
    new Uint8Array(damaged)[5000] ^= 0xff;
    expect(await refusal(files.json, damaged)).toMatch(/damaged: its checksum/);
    expect(await refusal(files.json.slice(0, 200), files.weights)).toMatch(/not valid JSON/);
    expect(await refusal('{"hello": "world"}', files.weights)).toMatch(
      /not a TensorFlow\.js model/,
    );

    const json = JSON.parse(files.json) as { userDefinedMetadata: Record<string, unknown> };
    const foreign = JSON.stringify({ ...json, userDefinedMetadata: {} });
    expect(await refusal(foreign, files.weights)).toMatch(/not one saved by Latent Lab/);

    const meta = json.userDefinedMetadata.latentLab as { config: { latentDim: number } };
    meta.config.latentDim = 16; // the settings now disagree with the layers
    expect(await refusal(JSON.stringify(json), files.weights)).toMatch(/layers do not match/);
    meta.config.latentDim = 1e9;
    expect(await refusal(JSON.stringify(json), files.weights)).toMatch(/latentDim/);
  });

  it('names a shape difference as a question can use it', () => {
    expect(shapeDifference({ latentDim: 16, hiddenUnits: 128 }, DEFAULT_CONFIG)).toBe(
      'This model has latent size 16 (the page is set to 32).',
    );
    expect(shapeDifference(DEFAULT_CONFIG, DEFAULT_CONFIG)).toBeNull();
    expect(() => parseModelJson('[]')).toThrow(ModelFileError);
  });
});
