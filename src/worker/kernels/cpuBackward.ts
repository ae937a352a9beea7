/**
 * The element-wise parts of backprop.ts's backward pass as single loops, for the cpu backend
 * (cpuGradKernels.ts wraps them as tfjs kernels). On tfjs-backend-cpu each small op is a pass of
 * its own through a generic loop (~12 ops for the loss and its gradient); here the loss, the
 * output gradient and the bias gradient come out of one pass over the pixels.
 *
 * Every intermediate is rounded to float32 (Math.fround) where tfjs stores it in a float32
 * tensor, in the same order, so the results equal the tf-ops version bit for bit: the unit tests
 * can then hold the two to equality, and any difference means a changed formula.
 */
import type { LossKind } from '../../shared/config';
import type { GemmActivation } from './cpuGemm';
import { BCE_EPSILON } from './loss';

const f32 = Math.fround;

export interface HeadGrad {
  /** d(loss)/dz for the sigmoid output layer's pre-activation z, [rows, cols]. */
  dz: Float32Array;
  /** The batch loss as lossMean reports it: the mean over images of the mean over pixels. */
  loss: number;
}

/** One image's loss before the mean: BCE (clipped, as Keras) or squared error, per pixel. */
function pixelLoss(kind: LossKind, t: number, p: number): number {
  if (kind === 'mse') {
    const d = p - t;
    return f32(d * d);
  }
  // tfjs clips to [1e-7, 1 − 1e-7] and stores the result as float32.
  const pc = f32(Math.min(Math.max(p, BCE_EPSILON), 1 - BCE_EPSILON));
  const term = f32(f32(t * f32(Math.log(pc))) + f32(f32(1 - t) * f32(Math.log(f32(1 - pc)))));
  return -term;
}

/**
 * Loss and output gradient for target t and sigmoid output p (see backprop.ts for the maths):
 * BCE: (p − t)/(rows·cols) where eps <= p <= 1 − eps, else 0; MSE: 2(p − t)·p(1 − p)/(rows·cols).
 */
export function lossHead(
  kind: LossKind,
  target: Float32Array,
  p: Float32Array,
  rows: number,
  cols: number,
): HeadGrad {
  const dz = new Float32Array(rows * cols);
  // Bounds and scales as the float32 scalars tfjs makes of them.
  const lo = f32(BCE_EPSILON);
  const hi = f32(1 - BCE_EPSILON);
  const scale = f32((kind === 'mse' ? 2 : 1) / (rows * cols));
  const perPixel = f32(cols);
  const perImage = f32(rows);
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    // tfjs's mean divides each value by the count, then sums in double, then rounds.
    let rowSum = 0;
    for (let j = r * cols, end = j + cols; j < end; j++) {
      const t = target[j];
      const pj = p[j];
      rowSum += f32(pixelLoss(kind, t, pj) / perPixel);
      const diff = f32(pj - t);
      if (kind === 'mse') dz[j] = f32(f32(diff * f32(pj * f32(1 - pj))) * scale);
      else dz[j] = pj >= lo && pj <= hi ? f32(diff * scale) : 0;
    }
    // (pixelLoss negates BCE per pixel where tfjs negates the image's mean: the same numbers,
    // since rounding is symmetric about zero.)
    loss += f32(f32(rowSum) / perImage);
  }
  return { dz, loss: f32(loss) };
}

/** dy · (d activation / d pre-activation), from the activation's output y (as tfjs's step). */
export function activationGrad(
  dy: Float32Array,
  y: Float32Array,
  activation: GemmActivation,
): Float32Array {
  if (dy.length !== y.length) throw new Error('activationGrad: sizes differ');
  if (activation === 'linear') return dy.slice();
  const out = new Float32Array(dy.length);
  for (let i = 0; i < dy.length; i++) {
    const yi = y[i];
    if (activation === 'relu') out[i] = dy[i] * (yi !== yi ? NaN : yi > 0 ? 1 : 0);
    else out[i] = dy[i] * f32(yi * f32(1 - yi));
  }
  return out;
}

/** The sum of each column of a [rows, cols] matrix (the bias gradient), row by row as tfjs. */
export function columnSums(x: Float32Array, rows: number, cols: number): Float32Array {
  const sums = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let j = 0; j < cols; j++) sums[j] += x[row + j];
  }
  return Float32Array.from(sums);
}
