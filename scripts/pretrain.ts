/**
 * npm run pretrain: trains the notebook's model (the default config, all 10 epochs) in Node on
 * tfjs's wasm backend with the app's own Trainer, and writes public/pretrained/. The output is
 * the same for the same seed and backend (only meta.json's date and time taken change).
 *
 *   npm run pretrain            # a few minutes on 2 cores
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_CONFIG } from '../src/shared/config';
import { PRETRAINED_FILES } from '../src/shared/pretrained';
import { firstOfEachClass, samplesAt } from '../src/worker/data/probes';
import { readMnistSource } from './lib/mnistSource';
import { pretrain, pretrainFiles } from './lib/pretrainRun';

/** The notebook's PyTorch twin reaches 0.0885; a little slack for tfjs's float32 maths. */
const MAX_VAL_LOSS = 0.095;
const LOSS_EVERY = 5;
const OUT_DIR = path.resolve(import.meta.dirname, '../public/pretrained');

async function useWasm(): Promise<void> {
  const wasm = createRequire(import.meta.url).resolve(
    '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
  );
  setWasmPaths(`${path.dirname(wasm)}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  await tf.ready();
}

async function main(): Promise<void> {
  await useWasm();
  const { splits } = await readMnistSource();
  const config = { ...DEFAULT_CONFIG };
  const probeIndices = firstOfEachClass(splits.test.labels);
  console.log(`Training ${config.epochs} epochs on ${tf.getBackend()}, seed ${config.seed}...`);
  const result = await pretrain({
    config,
    train: { pixels: splits.train.pixels, count: splits.train.count },
    test: { pixels: splits.test.pixels, count: splits.test.count },
    probes: samplesAt(splits.test, probeIndices).pixels,
    onEpoch: (e, ms) =>
      console.log(
        `  epoch ${e.epoch}: train ${e.trainLoss.toFixed(4)}, val ${e.valLoss.toFixed(4)} (${Math.round(ms / 1000)} s)`,
      ),
  });
  const files = await pretrainFiles(result, config, probeIndices, LOSS_EVERY);
  result.trainer.dispose();
  if (!(files.meta.valLoss <= MAX_VAL_LOSS)) {
    throw new Error(`validation loss ${files.meta.valLoss} is above ${MAX_VAL_LOSS}: not written`);
  }
  await mkdir(OUT_DIR, { recursive: true });
  const json = (value: unknown) => `${JSON.stringify(value)}\n`;
  await writeFile(path.join(OUT_DIR, PRETRAINED_FILES.model), files.modelJson);
  await writeFile(path.join(OUT_DIR, PRETRAINED_FILES.weights), files.weights);
  await writeFile(path.join(OUT_DIR, PRETRAINED_FILES.history), json(files.history));
  await writeFile(path.join(OUT_DIR, PRETRAINED_FILES.meta), json(files.meta));
  console.log(
    `Wrote ${OUT_DIR}: val loss ${files.meta.valLoss}, weights ${files.weights.length} bytes.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
