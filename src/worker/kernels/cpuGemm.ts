/**
 * Matrix products in plain JavaScript for the cpu backend's training step (cpuMatMul.ts wraps
 * them as a tfjs kernel). tfjs-backend-cpu's BatchMatMul is one generic loop for every rank and
 * transpose: it recomputes strided indices for each multiply-add and reads one of the operands
 * down a column, which V8 runs at a fraction of what these row-major loops reach (about 5x on
 * the autoencoder's 128×784×128 products, measured in Node).
 *
 * The order is i-k-j: for each output row i, add a[i][k] · (row k of b) for every k. The inner
 * loop then walks b and c contiguously, with no index arithmetic beyond one addition. Two output
 * rows and four k at a time: each value of b read feeds two rows, and each c[j] is loaded and
 * stored once per four k instead of once per k.
 */

/** How activations are applied after the product (and the bias), as tfjs's fused matMul. */
export type GemmActivation = 'linear' | 'relu' | 'sigmoid';

export interface GemmOperands {
  /** [m, k], or [k, m] when transposeA. Row-major. */
  a: Float32Array;
  /** [k, n], or [n, k] when transposeB. Row-major. */
  b: Float32Array;
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
}

/** bᵀ written out: for a·bᵀ the i-k-j order needs b's rows of length n (see the header). */
function transposed(b: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const from = r * cols;
    for (let col = 0; col < cols; col++) out[col * rows + r] = b[from + col];
  }
  return out;
}

/**
 * Rows i and i + 1 of c += a·b, with a[i][kk] at a[i * rowStep + kk * colStep] (so aᵀ costs
 * only a strided read of a, once per (i, kk), never in the inner loop).
 */
function twoRows(
  a: Float32Array,
  rowStep: number,
  colStep: number,
  b: Float32Array,
  c: Float32Array,
  i: number,
  k: number,
  n: number,
): void {
  const a0 = i * rowStep;
  const a1 = a0 + rowStep;
  const c0 = i * n;
  const c1 = c0 + n;
  let kk = 0;
  for (; kk + 4 <= k; kk += 4) {
    const p0 = a[a0 + kk * colStep];
    const p1 = a[a0 + (kk + 1) * colStep];
    const p2 = a[a0 + (kk + 2) * colStep];
    const p3 = a[a0 + (kk + 3) * colStep];
    const q0 = a[a1 + kk * colStep];
    const q1 = a[a1 + (kk + 1) * colStep];
    const q2 = a[a1 + (kk + 2) * colStep];
    const q3 = a[a1 + (kk + 3) * colStep];
    const b0 = kk * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    for (let j = 0; j < n; j++) {
      const v0 = b[b0 + j];
      const v1 = b[b1 + j];
      const v2 = b[b2 + j];
      const v3 = b[b3 + j];
      c[c0 + j] += p0 * v0 + p1 * v1 + p2 * v2 + p3 * v3;
      c[c1 + j] += q0 * v0 + q1 * v1 + q2 * v2 + q3 * v3;
    }
  }
  for (; kk < k; kk++) {
    const p = a[a0 + kk * colStep];
    const q = a[a1 + kk * colStep];
    const bk = kk * n;
    for (let j = 0; j < n; j++) {
      c[c0 + j] += p * b[bk + j];
      c[c1 + j] += q * b[bk + j];
    }
  }
}

/** Row i of c += a·b, for the last row when m is odd. */
function oneRow(
  a: Float32Array,
  rowStep: number,
  colStep: number,
  b: Float32Array,
  c: Float32Array,
  i: number,
  k: number,
  n: number,
): void {
  const a0 = i * rowStep;
  const c0 = i * n;
  for (let kk = 0; kk < k; kk++) {
    const p = a[a0 + kk * colStep];
    const bk = kk * n;
    for (let j = 0; j < n; j++) c[c0 + j] += p * b[bk + j];
  }
}

/** op(a)·op(b) as a new row-major [m, n] array. */
export function gemm({ a, b, m, k, n, transposeA, transposeB }: GemmOperands): Float32Array {
  if (a.length !== m * k || b.length !== k * n) throw new Error('gemm: sizes do not match');
  const rowsOfB = transposeB ? transposed(b, n, k) : b;
  const rowStep = transposeA ? 1 : k;
  const colStep = transposeA ? m : 1;
  const c = new Float32Array(m * n);
  let i = 0;
  for (; i + 2 <= m; i += 2) twoRows(a, rowStep, colStep, rowsOfB, c, i, k, n);
  if (i < m) oneRow(a, rowStep, colStep, rowsOfB, c, i, k, n);
  return c;
}

/**
 * In place: c[i][j] = activation(c[i][j] + bias[j]). The sum is rounded to float32 first, as
 * tfjs stores it between its separate add and activation kernels; the formulas are tfjs-backend-
 * cpu's own, so results match the stock fused matMul bit for bit given the same product.
 */
export function addBiasActivate(
  c: Float32Array,
  n: number,
  bias: Float32Array | null,
  activation: GemmActivation,
): void {
  if (bias !== null && bias.length !== n) throw new Error('gemm: the bias must have n values');
  for (let row = 0; row < c.length; row += n) {
    for (let j = 0; j < n; j++) {
      const x = bias === null ? c[row + j] : Math.fround(c[row + j] + bias[j]);
      if (activation === 'relu') c[row + j] = Math.max(0, x);
      else if (activation === 'sigmoid') c[row + j] = 1 / (1 + Math.exp(-x));
      else c[row + j] = x;
    }
  }
}
