/**
 * Two-component PCA for the latent map. The codes are only latentDim wide (32), so we form the
 * latentDim x latentDim covariance once and find its top eigenvectors by power iteration with
 * deflation: no linear-algebra package, and well under a few milliseconds for 10,000 codes.
 */

export interface Projection {
  /** count x 2, row-major: each row's coordinates on the first two principal axes. */
  coords: Float32Array;
  /** Share of the total variance each axis explains, in [0, 1]. */
  explained: [number, number];
  /** The two unit-length axes, dim values each. */
  axes: [Float64Array, Float64Array];
}

/** Covariance of `rows` (count x dim, row-major) about its mean, and that mean. */
function covariance(rows: ArrayLike<number>, count: number, dim: number) {
  const mean = new Float64Array(dim);
  for (let i = 0; i < count; i++) for (let j = 0; j < dim; j++) mean[j] += rows[i * dim + j];
  for (let j = 0; j < dim; j++) mean[j] /= Math.max(count, 1);
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < dim; j++) centred[j] = rows[i * dim + j] - mean[j];
    for (let a = 0; a < dim; a++) {
      const ca = centred[a];
      if (ca === 0) continue; // ReLU codes are mostly zeros: skip the empty rows of the product
      for (let b = a; b < dim; b++) cov[a * dim + b] += ca * centred[b];
    }
  }
  const n = Math.max(count - 1, 1);
  for (let a = 0; a < dim; a++)
    for (let b = a; b < dim; b++) {
      cov[a * dim + b] /= n;
      cov[b * dim + a] = cov[a * dim + b];
    }
  return { mean, cov };
}

/** The dominant eigenvector and eigenvalue of a symmetric matrix, by power iteration. */
function topEigen(matrix: Float64Array, dim: number): { vector: Float64Array; value: number } {
  // A fixed, uneven start so the result is reproducible and not orthogonal to the answer.
  let v = Float64Array.from({ length: dim }, (_, i) => 1 + i / dim);
  let value = 0;
  for (let iter = 0; iter < 500; iter++) {
    const next = new Float64Array(dim);
    for (let a = 0; a < dim; a++) {
      let sum = 0;
      for (let b = 0; b < dim; b++) sum += matrix[a * dim + b] * v[b];
      next[a] = sum;
    }
    const norm = Math.hypot(...next);
    if (norm === 0) return { vector: v.map(() => 0), value: 0 };
    for (let a = 0; a < dim; a++) next[a] /= norm;
    const delta = next.reduce((s, x, a) => s + Math.abs(x - v[a]), 0);
    v = next;
    value = norm;
    if (delta < 1e-10) break;
  }
  return { vector: v, value };
}

/** Projects `rows` (count x dim) onto their first two principal axes. */
export function pca2(rows: ArrayLike<number>, count: number, dim: number): Projection {
  const { mean, cov } = covariance(rows, count, dim);
  let total = 0;
  for (let a = 0; a < dim; a++) total += cov[a * dim + a];
  const first = topEigen(cov, dim);
  // Deflate: remove the first axis's share so the second power iteration finds the next one.
  const rest = cov.slice();
  for (let a = 0; a < dim; a++)
    for (let b = 0; b < dim; b++)
      rest[a * dim + b] -= first.value * first.vector[a] * first.vector[b];
  const second = topEigen(rest, dim);
  const coords = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    let x = 0;
    let y = 0;
    for (let j = 0; j < dim; j++) {
      const c = rows[i * dim + j] - mean[j];
      x += c * first.vector[j];
      y += c * second.vector[j];
    }
    coords[i * 2] = x;
    coords[i * 2 + 1] = y;
  }
  const share = (value: number) => (total > 0 ? value / total : 0);
  return {
    coords,
    explained: [share(first.value), share(second.value)],
    axes: [first.vector, second.vector],
  };
}
