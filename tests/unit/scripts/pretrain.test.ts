import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  layersModelFiles,
  pretrain,
  pretrainFiles,
  subsample,
} from '../../../scripts/lib/pretrainRun';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../../src/shared/config';
import { decodeTimeline, parseHistory, parseMeta } from '../../../src/shared/pretrained';
import { timelineSteps } from '../../../src/shared/timeline';
// The very module the script imports: if pretrainRun had its own training code, the spy below
// would never be called and the curves would not match.
import { Trainer } from '../../../src/worker/training/trainer';
import { EventRecorder } from '../support/recorder';
import { mnistImages, useWasmBackend, type ImageSlice } from '../support/tfNode';

let train: ImageSlice;
let test: ImageSlice;
let probes: Uint8Array;
const config: TrainingConfig = { ...DEFAULT_CONFIG, trainSize: 640, batchSize: 64, epochs: 2 };

beforeAll(async () => {
  await useWasmBackend();
  train = mnistImages('train', 640);
  test = mnistImages('t10k', 200);
  probes = test.pixels.slice(0, 10 * 784);
});

afterEach(() => vi.restoreAllMocks());

describe('pretrain (npm run pretrain)', () => {
  it("trains with the app's own Trainer and follows exactly its loss curve", async () => {
    const start = vi.spyOn(Trainer.prototype, 'start');
    const result = await pretrain({ config, train, test, probes });
    expect(result.trainer).toBeInstanceOf(Trainer);
    expect(start).toHaveBeenCalledTimes(1);

    // The same run driven straight through the app's Trainer gives the same numbers.
    const events = new EventRecorder();
    const direct = new Trainer({ config, train, test, probes, events });
    direct.start(false);
    await events.until(() => events.states.includes('done'));
    await direct.whenIdle();
    expect(result.losses.map((p) => p.loss)).toEqual(events.losses.map((p) => p.loss));
    expect(result.epochs).toEqual(events.epochEnds);
    direct.dispose();

    // The timeline holds exactly the listed steps (10 steps per epoch, 2 epochs).
    expect(result.frames.map((f) => f.step)).toEqual(timelineSteps(10, 2));
    expect(result.frames.map((f) => f.step)).toEqual([0, 10, 20]);
    result.trainer.dispose();
  });

  it('writes files the app can read back: Layers model, history, meta with the timeline', async () => {
    const result = await pretrain({ config, train, test, probes });
    const files = await pretrainFiles(result, config, [3, 2, 1, 18, 4, 8, 11, 0, 61, 7], 5);
    const meta = parseMeta(JSON.parse(JSON.stringify(files.meta)));
    const history = parseHistory(JSON.parse(JSON.stringify(files.history)));
    expect(meta.config).toEqual(config);
    expect(meta.tfjsVersion).toBe(tf.version.tfjs);
    expect(meta.backend).toBe('wasm');
    expect(meta.valLoss).toBeCloseTo(result.epochs[1].valLoss, 5);
    expect(history.losses.map((p) => p.step)).toEqual([1, 5, 10, 15, 20]);
    expect(history.epochs).toHaveLength(2);
    const frames = decodeTimeline(meta, 10);
    expect(frames.map((f) => f.step)).toEqual([0, 10, 20]);
    // Rounded to bytes, each picture stays within half a grey level of the real one.
    const last = result.frames[2].pixels;
    expect(Math.max(...frames[2].pixels.map((v, i) => Math.abs(v - last[i])))).toBeLessThan(0.003);

    // model.json + weights.bin load back into the same network.
    const weights = files.weights;
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        ...JSON.parse(files.modelJson),
        weightSpecs: JSON.parse(files.modelJson).weightsManifest[0].weights,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length),
      }),
    );
    const x = tf.tensor2d(probes, [10, 784]).div(255);
    const a = result.trainer.network.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBe(0);
    tf.dispose([x, a, b]);
    loaded.dispose();
    result.trainer.dispose();
  });

  it('keeps the first and every n-th batch loss', () => {
    const losses = Array.from({ length: 12 }, (_, i) => ({ step: i + 1, epoch: i, loss: 0.5 }));
    expect(subsample(losses, 5).map((p) => p.step)).toEqual([1, 5, 10]);
  });

  it('saves the default model under 1 MB', async () => {
    const trainer = new Trainer({
      config: DEFAULT_CONFIG,
      train,
      test,
      probes,
      events: new EventRecorder(),
    });
    const files = await layersModelFiles(trainer.network);
    expect(files.weights.length).toBe(209_968 * 4);
    expect(files.weights.length + files.modelJson.length).toBeLessThan(1_000_000);
    trainer.dispose();
  });
});
