/**
 * In-worker measurements for `npm run bench` (and the backend probe): per-step wall times of our
 * training loop and of tfjs's usual way to train (model.fit with a per-batch callback), on the
 * backend already selected, each on a model of its own that is disposed afterwards. Per-step
 * times can only be taken here: the page sees progress messages ~10 times a second.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  summarizeTimes,
  type BenchmarkRequest,
  type BenchmarkResult,
  type Diagnostics,
  type TensorMemory,
} from '../../shared/bench';
import { DEFAULT_CONFIG, type BackendName, type TrainingConfig } from '../../shared/config';
import { createBatchSource } from '../training/batchSource';
import { BatchBuilder, type PixelSet } from '../training/batches';
import { ourAdam } from '../kernels/fastAdam';
import { LossTracker } from '../training/lossTracker';
import { buildAutoencoder } from '../models/model';
import { SEED_STREAM, deriveSeed, mulberry32 } from '../training/random';
import { RunCursor } from '../training/runCursor';
import { createScheduler } from '../training/schedule';
import { kerasAdam } from '../kernels/trainStep';
import { planFor, stepFor, warmUp } from '../threads/threadPool';

type ModelConfig = Pick<
  TrainingConfig,
  'batchSize' | 'hiddenUnits' | 'latentDim' | 'learningRate' | 'seed' | 'threads'
> &
  Partial<Pick<TrainingConfig, 'model' | 'noise' | 'noiseKind' | 'beta'>>;

function tensorMemory(): TensorMemory {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}

/** Chrome's non-standard performance.memory; absent in other browsers and in Node. */
function heapBytes(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

export function diagnostics(): Diagnostics {
  return { backend: tf.getBackend(), memory: tensorMemory(), heapBytes: heapBytes() };
}

/**
 * Our training loop as the Trainer runs it: shuffled batch gather, one step, the loss read
 * asynchronously (at most a few in flight), a yield to the event loop. Returns the wall time of
 * each measured step, from the end of the previous one.
 */
export async function timeOurLoop(
  config: ModelConfig,
  data: PixelSet,
  steps: number,
  warmup: number,
): Promise<number[]> {
  const batchSize = Math.min(config.batchSize, data.count);
  // The other kinds with their default noise and beta (the page's, when it set them).
  const kind = { ...DEFAULT_CONFIG, ...config };
  const plan = planFor(config.threads, undefined, kind.model);
  // Timed once the helpers are up: their start-up is not a training step.
  await warmUp(plan);
  const model = buildAutoencoder(kind);
  const optimizer = ourAdam(config.learningRate);
  const step = stepFor({ model, optimizer, lossKind: 'bce', plan, maxRows: batchSize, kind });
  const batches = createBatchSource(data, batchSize);
  const cursor = new RunCursor(
    data.count,
    batchSize,
    mulberry32(deriveSeed(config.seed, SEED_STREAM.shuffle)),
  );
  const losses = new LossTracker(() => undefined);
  const scheduler = createScheduler();
  const times: number[] = [];
  try {
    cursor.beginEpoch(0);
    let last = performance.now();
    for (let i = 0; i < warmup + steps; i++) {
      if (cursor.epochComplete) cursor.beginEpoch(cursor.epochIndex + 1);
      const { start, end } = cursor.next();
      const loss = tf.tidy(() => step(batches.gather(cursor.order, start, end)));
      await losses.add(loss, cursor.globalStep, cursor.fractionalEpoch, end - start);
      await new Promise<void>((resolve) => scheduler.schedule(resolve));
      const now = performance.now();
      if (i >= warmup) times.push(now - last);
      last = now;
    }
    await losses.drain();
  } finally {
    scheduler.close();
    batches.dispose();
    model.dispose();
    optimizer.dispose();
  }
  return times;
}

/**
 * The way the tfjs examples train: the whole set as one tensor, model.compile + model.fit with
 * an onBatchEnd callback (which makes fit read the loss every batch). One epoch of exactly
 * warmup + steps batches.
 */
export async function timeFitLoop(
  config: ModelConfig,
  data: PixelSet,
  steps: number,
  warmup: number,
): Promise<number[]> {
  const batchSize = Math.min(config.batchSize, data.count);
  const count = Math.min(data.count, (steps + warmup) * batchSize);
  const model = buildAutoencoder(config);
  const optimizer = kerasAdam(config.learningRate);
  model.compile({ optimizer, loss: 'binaryCrossentropy' });
  const xs = tf.tidy(() => new BatchBuilder(data, count).range(0, count).clone());
  const times: number[] = [];
  let batchIndex = 0;
  let last = performance.now();
  try {
    await model.fit(xs, xs, {
      batchSize,
      epochs: 1,
      shuffle: true,
      verbose: 0,
      callbacks: {
        onBatchEnd: () => {
          const now = performance.now();
          if (batchIndex++ >= warmup) times.push(now - last);
          last = now;
        },
      },
    });
  } finally {
    xs.dispose();
    model.dispose();
    optimizer.dispose();
  }
  return times;
}

export async function runBenchmark(
  config: ModelConfig,
  data: PixelSet,
  request: BenchmarkRequest,
): Promise<BenchmarkResult> {
  const memoryBefore = tensorMemory();
  const threaded = {
    ...config,
    threads: request.threads ?? config.threads,
    model: request.model ?? 'ae',
  };
  const ours = summarizeTimes(await timeOurLoop(threaded, data, request.steps, request.warmup));
  const fit = request.fitBaseline
    ? summarizeTimes(await timeFitLoop(config, data, request.steps, request.warmup))
    : null;
  return {
    backend: tf.getBackend() as BackendName,
    batchSize: Math.min(config.batchSize, data.count),
    threads: planFor(threaded.threads, undefined, threaded.model).threads,
    model: threaded.model,
    ours,
    fit,
    memoryBefore,
    memoryAfter: tensorMemory(),
  };
}
