/**
 * Random codes for Generate. A VAE is trained so that its codes, taken together, look like
 * draws from N(0, I): so fresh draws from N(0, I) are codes its decoder knows how to read. The
 * draws are made here on the page, from a seeded generator that moves on at each press, so a
 * press always gives new codes and a test can still reproduce them.
 */
import { mulberry32, type Rng } from '../../shared/random';

/** Each unit's centre and spread, when the draws should follow a plain autoencoder's codes. */
export interface UnitMoments {
  mean: Float64Array;
  sd: Float64Array;
}

/** One N(0, 1) number by Box-Muller (the cosine half; the sine half is not kept, for clarity). */
function standardNormal(rng: Rng): number {
  // 1 - u is in (0, 1]: log never sees a zero.
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export interface CodeSampler {
  /** count x dim codes, row-major: N(0, 1) per number, or N(mean, sd) per unit when given. */
  next(count: number, dim: number, moments?: UnitMoments): Float32Array;
}

/** A sampler whose draws follow one seeded stream: each call continues where the last ended. */
export function createCodeSampler(seed: number): CodeSampler {
  const rng = mulberry32(seed);
  return {
    next(count, dim, moments) {
      const codes = new Float32Array(count * dim);
      for (let i = 0; i < count; i++) {
        for (let u = 0; u < dim; u++) {
          const z = standardNormal(rng);
          codes[i * dim + u] = moments ? moments.mean[u] + moments.sd[u] * z : z;
        }
      }
      return codes;
    },
  };
}

/** The mean and standard deviation of each unit over `codes` (count x dim, row-major). */
export function unitMoments(codes: ArrayLike<number>, dim: number): UnitMoments {
  const count = Math.floor(codes.length / dim);
  const mean = new Float64Array(dim);
  const sd = new Float64Array(dim);
  for (let i = 0; i < count; i++) for (let u = 0; u < dim; u++) mean[u] += codes[i * dim + u];
  for (let u = 0; u < dim; u++) mean[u] /= Math.max(count, 1);
  for (let i = 0; i < count; i++)
    for (let u = 0; u < dim; u++) sd[u] += (codes[i * dim + u] - mean[u]) ** 2;
  for (let u = 0; u < dim; u++) sd[u] = Math.sqrt(sd[u] / Math.max(count - 1, 1));
  return { mean, sd };
}
