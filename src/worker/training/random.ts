/**
 * Seeded randomness for the worker: a small, fast PRNG for shuffling, and per-layer seeds for
 * the weight initializers. tfjs treats a seed of 0 (or none) as "unseeded", and `fit`'s shuffle
 * cannot be seeded at all, so every source of randomness in a run is derived from config.seed here.
 */

import { mulberry32, type Rng } from '../../shared/random';

export { mulberry32, type Rng };

/** A uniform integer in [0, n). */
function below(n: number, rng: Rng): number {
  return Math.floor(rng() * n);
}

/** The numbers 0..n-1 in a random order (Fisher–Yates, so every permutation is equally likely). */
export function shuffledIndices(n: number, rng: Rng): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = below(i + 1, rng);
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order;
}

/**
 * The splitmix32 finaliser: scrambles an integer so that neighbouring inputs (seed, seed + 1)
 * give unrelated outputs.
 */
function mix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** Which consumer of randomness a derived seed is for; each gets its own stream. */
export const SEED_STREAM = {
  /** The epoch shuffles of the training set. */
  shuffle: 0,
  /** Layer k's initializer uses stream LAYER_BASE + k. */
  layerBase: 1,
  /** A denoising run's corruption of its training batches. */
  trainNoise: 1000,
  /** The corruption of the test set when it is scored: the same every epoch, so epochs compare. */
  evalNoise: 1001,
  /** The corruption of the ten digits the page shows. */
  probeNoise: 1002,
  /** A VAE's sampled codes during training. */
  vaeSampling: 1003,
  /** A VAE's sampled codes when the test set is scored. */
  vaeEvalSampling: 1004,
} as const;

/**
 * A seed for one consumer, derived from the run seed: distinct for distinct streams, never 0
 * (tfjs would read 0 as "unseeded"), and below 2^31 so it is a safe positive int everywhere.
 */
export function deriveSeed(runSeed: number, stream: number): number {
  const mixed = mix32(mix32(runSeed) + Math.imul(stream + 1, 0x9e3779b9));
  return (mixed % 0x7ffffffe) + 1;
}

/** Nonzero, pairwise distinct initializer seeds for `count` layers. */
export function layerSeeds(runSeed: number, count: number): number[] {
  const seeds: number[] = [];
  for (let k = 0; seeds.length < count; k++) {
    const seed = deriveSeed(runSeed, SEED_STREAM.layerBase + k);
    // A collision is astronomically unlikely, but distinctness is promised, so skip one.
    if (!seeds.includes(seed)) seeds.push(seed);
  }
  return seeds;
}
