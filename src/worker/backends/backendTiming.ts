/**
 * The probe's stopwatch: a few real training steps of the default model at the default batch,
 * on synthetic pixels (the dataset may still be downloading), on whichever backend is current.
 */
import { DEFAULT_CONFIG, IMAGE_SIZE, type ThreadChoice } from '../../shared/config';
import { summarizeTimes } from '../../shared/bench';
import { timeOurLoop } from './benchmark';
import { mulberry32 } from '../training/random';

/** Steps timed per candidate, after warm-up ones (WebGL compiles its shaders in the first). */
const PROBE_STEPS = 5;
// wasm's first steps run 2-4x slower than it settles to (its code is still being optimised,
// its buffers are new): three unmeasured ones bring the probe's figure nearer training's.
const PROBE_WARMUP = { webgl: 2, wasm: 3 } as const;

function syntheticImages(count: number): { pixels: Uint8Array; count: number } {
  const rng = mulberry32(1);
  const pixels = new Uint8Array(count * IMAGE_SIZE);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng() < 0.8 ? 0 : Math.floor(rng() * 256);
  return { pixels, count };
}

export async function probeStepMs(
  name: 'webgl' | 'wasm',
  threads: ThreadChoice = DEFAULT_CONFIG.threads,
): Promise<number> {
  const data = syntheticImages(DEFAULT_CONFIG.batchSize * 2);
  const config = { ...DEFAULT_CONFIG, threads };
  const times = await timeOurLoop(config, data, PROBE_STEPS, PROBE_WARMUP[name]);
  return summarizeTimes(times).medianMs;
}
