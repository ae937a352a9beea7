/** Small pure helpers of the latent playground: nearest codes, straight lines, pixel blends. */

/** Indices of the `k` rows of `codes` (count x dim) closest to `query` (Euclidean), nearest first. */
export function nearestCodes(
  codes: ArrayLike<number>,
  dim: number,
  query: ArrayLike<number>,
  k: number,
  exclude: number | null = null,
): number[] {
  const count = Math.floor(codes.length / dim);
  const best: { index: number; distance: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (i === exclude) continue;
    let distance = 0;
    for (let j = 0; j < dim; j++) {
      const d = codes[i * dim + j] - query[j];
      distance += d * d;
    }
    // Keep a short sorted list: k is tiny, so insertion beats sorting 10,000 distances.
    if (best.length < k || distance < best[best.length - 1].distance) {
      let at = best.length;
      while (at > 0 && best[at - 1].distance > distance) at--;
      best.splice(at, 0, { index: i, distance });
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.index);
}

/** `steps` codes evenly spaced on the straight line from `a` to `b`, ends included exactly. */
export function interpolateCodes(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  steps: number,
): Float32Array {
  const dim = a.length;
  const out = new Float32Array(steps * dim);
  for (let s = 0; s < steps; s++) {
    const t = steps === 1 ? 0 : s / (steps - 1);
    for (let j = 0; j < dim; j++) {
      // Written so t = 0 and t = 1 give a and b exactly, with no rounding drift.
      out[s * dim + j] = t === 1 ? b[j] : a[j] + (b[j] - a[j]) * t;
    }
  }
  return out;
}

/** The plain pixel cross-fade of two 784-value images (0..1), `steps` frames, ends included. */
export function crossFade(a: ArrayLike<number>, b: ArrayLike<number>, steps: number): Float32Array {
  return interpolateCodes(a, b, steps);
}

/** Mean absolute difference per pixel between image `i` of `images` and `reference`. */
export function meanAbsDiff(
  images: ArrayLike<number>,
  i: number,
  reference: ArrayLike<number>,
): number {
  const size = reference.length;
  let sum = 0;
  for (let p = 0; p < size; p++) sum += Math.abs(images[i * size + p] - reference[p]);
  return sum / size;
}

/** Per-unit [min, max] of all codes, so each slider spans what the test set actually uses. */
export function unitRanges(
  codes: ArrayLike<number>,
  dim: number,
): { min: number[]; max: number[] } {
  const min = new Array<number>(dim).fill(Infinity);
  const max = new Array<number>(dim).fill(-Infinity);
  for (let i = 0; i < codes.length; i++) {
    const j = i % dim;
    if (codes[i] < min[j]) min[j] = codes[i];
    if (codes[i] > max[j]) max[j] = codes[i];
  }
  for (let j = 0; j < dim; j++) {
    if (!Number.isFinite(min[j])) min[j] = 0;
    if (!Number.isFinite(max[j])) max[j] = 0;
    // A little room past the data, and never an empty range (dead units get 0..1).
    const span = max[j] - min[j] || 1;
    min[j] = Math.min(0, min[j] - 0.1 * span);
    max[j] = max[j] + 0.25 * span;
  }
  return { min, max };
}

/**
 * For each digit 0-9, the `k` test images with the highest loss, worst first; ties keep the
 * lower index first. One pass that keeps only the k worst: it runs in a render at every epoch's
 * end, where sorting each digit's ~1,000 images took 50 ms or more.
 */
export function worstByDigit(
  losses: ArrayLike<number>,
  labels: ArrayLike<number>,
  k: number,
): number[][] {
  const worst: number[][] = Array.from({ length: 10 }, () => []);
  if (k <= 0) return worst;
  const count = Math.min(losses.length, labels.length);
  for (let i = 0; i < count; i++) {
    const list = worst[labels[i]];
    if (!list) continue;
    const loss = losses[i];
    // Full and not worse than the last kept: stays out (a tie loses to the earlier image).
    if (list.length === k && !(loss > losses[list[k - 1]])) continue;
    let at = list.length;
    while (at > 0 && loss > losses[list[at - 1]]) at--;
    list.splice(at, 0, i);
    if (list.length > k) list.pop();
  }
  return worst;
}
