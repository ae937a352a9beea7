/**
 * Median ms per training step of the default model (batch 128) in Node, on the wasm and cpu
 * backends, for the fast training step and for tfjs's stock gradients.
 * Run: npx tsx scripts/bench-node.ts [steps]
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../src/shared/config';
import { bceMean } from '../src/worker/loss';
import { buildAutoencoder } from '../src/worker/model';
import { kerasAdam, makeTrainStep, type TrainStepFn } from '../src/worker/trainStep';

const require = createRequire(import.meta.url);
const wasmDir = path.dirname(
  require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** tfjs's own gradients through the Dense layers, for comparison. */
function stockStep(model: tf.LayersModel, optimizer: tf.Optimizer): TrainStepFn {
  return (images) =>
    tf.tidy(() => {
      const loss = optimizer.minimize(
        () => bceMean(images, model.apply(images) as tf.Tensor2D),
        true,
      );
      if (loss === null) throw new Error('no loss');
      return loss;
    });
}

async function bench(backend: string, kind: 'fast' | 'stock', steps: number): Promise<number> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} unavailable`);
  const model = buildAutoencoder(DEFAULT_CONFIG);
  const optimizer = kerasAdam(DEFAULT_CONFIG.learningRate);
  const step = kind === 'fast' ? makeTrainStep(model, optimizer) : stockStep(model, optimizer);
  const batch = new Float32Array(DEFAULT_CONFIG.batchSize * IMAGE_SIZE).map(() => Math.random());
  const times: number[] = [];
  for (let i = 0; i < steps + 3; i++) {
    const t0 = performance.now();
    const loss = tf.tidy(() => step(tf.tensor2d(batch, [DEFAULT_CONFIG.batchSize, IMAGE_SIZE])));
    await loss.data();
    loss.dispose();
    if (i >= 3) times.push(performance.now() - t0);
  }
  model.dispose();
  optimizer.dispose();
  return median(times);
}

async function main(): Promise<void> {
  const steps = Number(process.argv[2] ?? 30);
  setWasmPaths(`${wasmDir}/`);
  for (const backend of ['wasm', 'cpu']) {
    for (const kind of ['fast', 'stock'] as const) {
      const n = backend === 'cpu' ? Math.max(5, Math.floor(steps / 4)) : steps;
      const ms = await bench(backend, kind, n);
      console.log(
        `${backend.padEnd(4)} ${kind.padEnd(5)} ${ms.toFixed(1)} ms/step (median of ${n})`,
      );
    }
  }
}

void main();
