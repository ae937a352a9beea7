/**
 * The page's "Export" files are plain tfjs Layers files: the ones tfjs's own loaders read and
 * `tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras` turns into an
 * .h5 file (see docs/keras.md). The converter needs Python and TensorFlow, which this machine
 * cannot install, so it is checked here in three ways it can be: tfjs loads the files from disk
 * the way its http and file loaders do, the topology holds only layers Keras has with the
 * weight names the converter looks up, and a small Python reader that follows the weights
 * manifest as the converter does gets the same predictions.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../../../src/shared/config';
import type { FromWorker } from '../../../../src/shared/protocol';
import { LAYER_SPECS } from '../../../../src/worker/models/layerShapes';
import { buildAutoencoder } from '../../../../src/worker/models/model';
import { createModelOps } from '../../../../src/worker/models/modelOps';
import type { ModelStore } from '../../../../src/worker/models/modelStore';
import type { Trainer } from '../../../../src/worker/training/trainer';
import { mnistImages, useWasmBackend } from '../../support/tfNode';

type Export = Extract<FromWorker, { type: 'modelExport' }>;

const config: TrainingConfig = { ...DEFAULT_CONFIG, latentDim: 8, latentActivation: 'linear' };
const IMAGES = 3;
let folder = '';

beforeAll(async () => {
  await useWasmBackend();
  folder = mkdtempSync(path.join(tmpdir(), 'latent-lab-export-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Exports `model` through the worker's own "exportModel" command, as the page asks for it. */
async function exportThroughWorker(model: tf.LayersModel): Promise<Export> {
  const sent: FromWorker[] = [];
  // Export reads only these three members of the trainer; the rest is never touched.
  const trainer = { network: model, globalStep: 7, runState: 'done' } as unknown as Trainer;
  const ops = createModelOps({
    send: (message) => sent.push(message),
    store: (): ModelStore => {
      throw new Error('export does not use the browser store');
    },
    current: () => ({ trainer, config }),
    build: () => {
      throw new Error('export builds nothing');
    },
    adopt: () => Promise.reject(new Error('export adopts nothing')),
  });
  await ops({ type: 'exportModel', history: { losses: [], epochSummaries: [] } });
  const reply = sent.find((m): m is Export => m.type === 'modelExport');
  if (!reply) throw new Error(`no export, got ${JSON.stringify(sent)}`);
  return reply;
}

/** Saves the two files under the names the page downloads them as; returns model.json's path. */
function saveAsDownloaded(files: Export): string {
  const jsonPath = path.join(folder, `${files.fileBase}.json`);
  writeFileSync(jsonPath, files.json);
  writeFileSync(path.join(folder, `${files.fileBase}.weights.bin`), Buffer.from(files.weights));
  return jsonPath;
}

/** tfjs's file/http loaders in miniature: model.json, then each weights path beside it. */
function loaderFromDisk(jsonPath: string): tf.io.IOHandler {
  return {
    load: () => {
      const modelJson = JSON.parse(readFileSync(jsonPath, 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(modelJson, (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const buffers = manifest.flatMap((group) =>
          group.paths.map((p) => {
            const bytes = readFileSync(path.join(path.dirname(jsonPath), p));
            return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
          }),
        );
        return Promise.resolve([specs, tf.io.concatenateArrayBuffers(buffers)]);
      });
    },
  };
}

function testImages(): Float32Array {
  return Float32Array.from(mnistImages('t10k', IMAGES).pixels, (v) => v / 255);
}

function predict(model: tf.LayersModel, images: Float32Array): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor2d(images, [IMAGES, 784]);
    return (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
  });
}

/**
 * Reads the weights as the converter's read_weights does (each manifest group's paths, joined
 * to model.json's folder, concatenated, cut into float32 arrays in manifest order), then runs
 * the network by each Dense layer's config: x @ kernel + bias, then the activation.
 */
const PYTHON_READER = String.raw`
import json, math, os, struct, sys
json_path, images_path = sys.argv[1], sys.argv[2]
model = json.load(open(json_path))
assert "modelTopology" in model and "weightsManifest" in model
folder = os.path.dirname(os.path.realpath(json_path))
weights = {}
for group in model["weightsManifest"]:
    data = b"".join(open(os.path.join(folder, p), "rb").read() for p in group["paths"])
    offset = 0
    for spec in group["weights"]:
        assert spec["dtype"] == "float32"
        count = math.prod(spec["shape"])
        weights[spec["name"]] = (spec["shape"], struct.unpack_from("<%df" % count, data, offset))
        offset += 4 * count
    assert offset == len(data), "the weights file is longer than its manifest"
acts = {"relu": lambda v: max(v, 0.0), "linear": lambda v: v,
        "sigmoid": lambda v: 1 / (1 + math.exp(-v))}
raw = open(images_path, "rb").read()
pixels = struct.unpack("<%df" % (len(raw) // 4), raw)
out = []
for i in range(len(pixels) // 784):
    x = list(pixels[i * 784:(i + 1) * 784])
    for layer in model["modelTopology"]["config"]["layers"]:
        if layer["class_name"] != "Dense":
            continue
        name, act = layer["config"]["name"], acts[layer["config"]["activation"]]
        (rows, cols), kernel = weights[name + "/kernel"]
        bias = weights[name + "/bias"][1]
        x = [act(sum(x[r] * kernel[r * cols + c] for r in range(rows) if x[r]) + bias[c])
             for c in range(cols)]
    out.extend(x)
print(json.dumps(out))
`;

describe('exported models are plain tfjs Layers files that Keras tools read', () => {
  it('loads back with tf.loadLayersModel from the downloaded files, predicting the same', async () => {
    const model = buildAutoencoder(config);
    const files = await exportThroughWorker(model);
    const jsonPath = saveAsDownloaded(files);
    const loaded = await tf.loadLayersModel(loaderFromDisk(jsonPath));
    const images = testImages();
    expect(predict(loaded, images)).toEqual(predict(model, images));
    for (const m of [model, loaded]) m.dispose();
  });

  it('holds only built-in Keras layers, with the weight names the converter looks up', async () => {
    const model = buildAutoencoder(config);
    const files = await exportThroughWorker(model);
    model.dispose();
    const json = JSON.parse(files.json) as tf.io.ModelJSON;
    const topology = json.modelTopology as {
      class_name: string;
      config: { layers: { class_name: string; config: { name: string; activation?: string } }[] };
    };
    expect(topology.class_name).toBe('Model');
    const layers = topology.config.layers;
    expect(layers.map((l) => l.class_name)).toEqual([
      'InputLayer',
      'Dense',
      'Dense',
      'Dense',
      'Dense',
    ]);
    expect(layers.slice(1).map((l) => l.config.name)).toEqual(LAYER_SPECS.map((s) => s.name));
    expect(layers.slice(1).map((l) => l.config.activation)).toEqual([
      'relu',
      'linear',
      'relu',
      'sigmoid',
    ]);
    // One group whose path is a bare file name beside model.json: the converter joins it to
    // model.json's folder, so the two files must stay side by side under their given names.
    expect(json.weightsManifest).toHaveLength(1);
    expect(json.weightsManifest[0].paths).toEqual([`./${files.fileBase}.weights.bin`]);
    expect(json.weightsManifest[0].weights.map((w) => w.name)).toEqual(
      LAYER_SPECS.flatMap((s) => [`${s.name}/kernel`, `${s.name}/bias`]),
    );
  });

  it('gives a Python reader that follows the manifest the same predictions', async () => {
    const model = buildAutoencoder(config);
    const files = await exportThroughWorker(model);
    const jsonPath = saveAsDownloaded(files);
    const images = testImages();
    const imagesPath = path.join(folder, 'images.f32');
    writeFileSync(imagesPath, Buffer.from(images.buffer));
    const expected = predict(model, images);
    model.dispose();
    const run = spawnSync('python3', ['-c', PYTHON_READER, jsonPath, imagesPath], {
      encoding: 'utf8',
    });
    if (run.error !== undefined) return; // no python3 here: the tfjs checks above still ran
    expect(run.stderr).toBe('');
    const got = JSON.parse(run.stdout) as number[];
    expect(got).toHaveLength(expected.length);
    got.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 5));
  }, 60_000);
});
