/**
 * Statistics of the latent codes of the test set: per-digit means and spreads, dead units,
 * per-digit reconstruction loss, and how well a digit's average code identifies it. Pure
 * (no DOM, no tfjs) so it can be checked on synthetic codes with known answers. The page runs
 * it once per codes message; 10,000 x 256 codes take well under a second.
 */

export const DIGIT_CLASSES = 10;

/**
 * A VAE's unit counts as switched off when its KL term averages less than this (in nats): its
 * code is N(0, 1) whatever the digit, so the decoder learns to ignore it.
 */
export const KL_OFF = 0.01;

/** A unit counts as dead when it is zero on at least this share of the test images. */
export const DEAD_SHARE = 0.99;

/** ReLU outputs exact zeros; the tolerance only absorbs float noise from other backends. */
const ZERO_TOLERANCE = 1e-6;

/** The spread band: from the 10th to the 90th percentile of a unit, per digit. */
export const SPREAD_LOW = 0.1;
export const SPREAD_HIGH = 0.9;

export interface DigitLoss {
  digit: number;
  meanLoss: number;
  count: number;
}

export interface NearestMeanScore {
  /** Over all images. */
  overall: number;
  /** Per digit (NaN for a digit with no images). */
  byDigit: number[];
}

export interface LatentStats {
  latentDim: number;
  /** Test images per digit. */
  counts: number[];
  /** Test-set indices of each digit, in test-set order. */
  indicesByDigit: number[][];
  /** DIGIT_CLASSES x latentDim: mean activation of each unit for each digit. */
  means: Float32Array;
  /** DIGIT_CLASSES x latentDim: SPREAD_LOW and SPREAD_HIGH percentiles, per digit and unit. */
  low: Float32Array;
  high: Float32Array;
  /** latentDim values: the share of all test images on which the unit is zero. */
  zeroShare: Float32Array;
  /**
   * Units (ascending) that are zero on at least DEAD_SHARE of the test images; for a VAE, the
   * units its KL term switched off (unitKl below KL_OFF).
   */
  dead: number[];
  /** A VAE's mean KL per unit over the test set; absent for the other kinds. */
  unitKl?: Float32Array;
  /** Mean reconstruction loss per digit, hardest (highest) first. */
  lossByDigit: DigitLoss[];
  /** Share of test images whose code is nearest (Euclidean) to their own digit's mean code. */
  nearestMean: NearestMeanScore;
  /** The largest mean activation (the heatmap's colour scale top). */
  maxMean: number;
}

/** Test-set indices of each class, in order. Labels outside 0..classes-1 are left out. */
export function indicesByClass(labels: ArrayLike<number>, classes = DIGIT_CLASSES): number[][] {
  const groups: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label >= 0 && label < classes) groups[label].push(i);
  }
  return groups;
}

/** classes x dim means of the codes of each class (0 for a class with no images). */
export function classMeans(codes: Float32Array, groups: number[][], dim: number): Float32Array {
  const means = new Float32Array(groups.length * dim);
  groups.forEach((indices, c) => {
    // Summing in float64 keeps 1,000 float32 values from losing digits.
    const sums = new Float64Array(dim);
    for (const i of indices) {
      for (let u = 0; u < dim; u++) sums[u] += codes[i * dim + u];
    }
    for (let u = 0; u < dim; u++)
      means[c * dim + u] = indices.length ? sums[u] / indices.length : 0;
  });
  return means;
}

/** The q-quantile of ascending `sorted`, interpolated linearly (numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const position = (n - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** classes x dim low and high quantiles of each unit within each class. */
export function classSpread(
  codes: Float32Array,
  groups: number[][],
  dim: number,
  lowQ = SPREAD_LOW,
  highQ = SPREAD_HIGH,
): { low: Float32Array; high: Float32Array } {
  const low = new Float32Array(groups.length * dim);
  const high = new Float32Array(groups.length * dim);
  groups.forEach((indices, c) => {
    const column = new Float32Array(indices.length);
    for (let u = 0; u < dim; u++) {
      indices.forEach((i, k) => (column[k] = codes[i * dim + u]));
      column.sort();
      low[c * dim + u] = quantileSorted(column, lowQ);
      high[c * dim + u] = quantileSorted(column, highQ);
    }
  });
  return { low, high };
}

/** For each unit, on how many images (rows of `codes`) it is zero. */
function zeroCounts(codes: Float32Array, dim: number): { zeros: Float64Array; count: number } {
  const count = Math.floor(codes.length / dim);
  const zeros = new Float64Array(dim);
  for (let i = 0; i < count; i++) {
    for (let u = 0; u < dim; u++) if (Math.abs(codes[i * dim + u]) <= ZERO_TOLERANCE) zeros[u]++;
  }
  return { zeros, count };
}

/** For each unit, the share of the images (rows of `codes`) on which it is zero. */
export function zeroShares(codes: Float32Array, dim: number): Float32Array {
  const { zeros, count } = zeroCounts(codes, dim);
  return Float32Array.from(zeros, (z) => (count ? z / count : 0));
}

/** Units that are zero on at least `share` of the images. */
export function deadUnits(codes: Float32Array, dim: number, share = DEAD_SHARE): number[] {
  const { zeros, count } = zeroCounts(codes, dim);
  // Whole counts, not float shares, so exactly 99 zeros out of 100 count as dead.
  const needed = Math.ceil(share * count - 1e-9);
  const dead: number[] = [];
  zeros.forEach((z, u) => {
    if (count > 0 && z >= needed) dead.push(u);
  });
  return dead;
}

/** Mean loss per class, hardest first (ties by digit); classes with no images are left out. */
export function lossByClass(losses: Float32Array, groups: number[][]): DigitLoss[] {
  return groups
    .map((indices, digit) => {
      let sum = 0;
      for (const i of indices) sum += losses[i];
      return {
        digit,
        meanLoss: indices.length ? sum / indices.length : NaN,
        count: indices.length,
      };
    })
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.meanLoss - a.meanLoss || a.digit - b.digit);
}

/**
 * The share of images whose code lies nearest to their own class's mean code: a number for the
 * notebook's claim that each digit has its own pattern (chance would be about 1 in 10).
 */
export function nearestMeanAccuracy(
  codes: Float32Array,
  groups: number[][],
  means: Float32Array,
  dim: number,
): NearestMeanScore {
  const classes = groups.length;
  let right = 0;
  let total = 0;
  const byDigit = groups.map((indices, own) => {
    let rightHere = 0;
    for (const i of indices) {
      let best = -1;
      let bestDistance = Infinity;
      for (let c = 0; c < classes; c++) {
        if (groups[c].length === 0) continue;
        let distance = 0;
        for (let u = 0; u < dim; u++) {
          const d = codes[i * dim + u] - means[c * dim + u];
          distance += d * d;
        }
        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
      if (best === own) rightHere++;
    }
    right += rightHere;
    total += indices.length;
    return indices.length ? rightHere / indices.length : NaN;
  });
  return { overall: total ? right / total : 0, byDigit };
}

/** A VAE's units whose KL term is below KL_OFF, ascending. */
export function switchedOffUnits(unitKl: ArrayLike<number>): number[] {
  const off: number[] = [];
  for (let u = 0; u < unitKl.length; u++) if (unitKl[u] < KL_OFF) off.push(u);
  return off;
}

/** Everything the latent views show, from one codes message and the test labels. */
export function computeLatentStats(
  codes: Float32Array,
  losses: Float32Array,
  labels: ArrayLike<number>,
  dim: number,
  unitKl?: Float32Array,
): LatentStats {
  const indicesByDigit = indicesByClass(labels);
  const means = classMeans(codes, indicesByDigit, dim);
  const { low, high } = classSpread(codes, indicesByDigit, dim);
  return {
    latentDim: dim,
    counts: indicesByDigit.map((indices) => indices.length),
    indicesByDigit,
    means,
    low,
    high,
    zeroShare: zeroShares(codes, dim),
    dead: unitKl ? switchedOffUnits(unitKl) : deadUnits(codes, dim),
    ...(unitKl && { unitKl }),
    lossByDigit: lossByClass(losses, indicesByDigit),
    nearestMean: nearestMeanAccuracy(codes, indicesByDigit, means, dim),
    maxMean: means.reduce((max, value) => Math.max(max, value), 0),
  };
}
