/**
 * Median ms per training step of the default model (batch 128) in Node: our loop and model.fit,
 * exactly as the browser benchmark times them (src/worker/backends/benchmark.ts), on random pixels.
 * The two alternate in rounds, so that a shared machine's load changes hit both alike; the ratio
 * is model.fit's median over ours.
 *
 * Run: npx tsx scripts/bench-node.ts [--backends wasm,cpu] [--steps 20] [--warmup 3] [--rounds 2]
 * (steps per round; the medians pool all rounds).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { summarizeTimes } from '../src/shared/bench';
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../src/shared/config';
import { timeFitLoop, timeOurLoop } from '../src/worker/backends/benchmark';

const require = createRequire(import.meta.url);
const wasmDir = path.dirname(
  require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
);

const { values } = parseArgs({
  options: {
    backends: { type: 'string', default: 'wasm,cpu' },
    steps: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
  },
});
const steps = Number(values.steps);
const warmup = Number(values.warmup);
const rounds = Number(values.rounds);

/** Enough random images for model.fit's one epoch of warmup + steps batches. */
function randomPixels(): { pixels: Uint8Array; count: number } {
  const count = (steps + warmup) * DEFAULT_CONFIG.batchSize;
  const pixels = new Uint8Array(count * IMAGE_SIZE).map(() => Math.floor(Math.random() * 256));
  return { pixels, count };
}

async function main(): Promise<void> {
  setWasmPaths(`${wasmDir}/`);
  const data = randomPixels();
  for (const backend of values.backends.split(',')) {
    if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} unavailable`);
    const ours: number[] = [];
    const fit: number[] = [];
    for (let r = 0; r < rounds; r++) {
      ours.push(...(await timeOurLoop(DEFAULT_CONFIG, data, steps, warmup)));
      fit.push(...(await timeFitLoop(DEFAULT_CONFIG, data, steps, warmup)));
    }
    const a = summarizeTimes(ours);
    const b = summarizeTimes(fit);
    const line = (name: string, t: typeof a) =>
      `${name} ${t.medianMs.toFixed(1)} ms/step (p10 ${t.p10Ms.toFixed(1)}, p90 ${t.p90Ms.toFixed(1)}; ${t.steps} steps)`;
    console.log(`${backend}: ${line('ours', a)}; ${line('model.fit', b)}`);
    console.log(`${backend}: ratio ${(b.medianMs / a.medianMs).toFixed(2)}x`);
  }
}

void main();
