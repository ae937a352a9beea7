/**
 * Adam on a range of the parameters, in shared memory: each thread updates its own range, so the
 * update is shared out like the gradients (on one thread tfjs's Adam takes ~1.5 ms a step at the
 * notebook's size, an eighth of the step). The formula is tfjs's (adam_optimizer.js) with Keras's
 * settings; it runs in double precision and stores float32, so it agrees with tfjs's float32
 * update to well under 1e-5.
 */
import type { AdamSettings } from '../kernels/fastAdam';
import type { SharedDescription, SharedLayout } from './sharedLayout';
import type { Slice } from './slices';

interface AdamArrays {
  w: Float32Array;
  m: Float32Array;
  v: Float32Array;
  /** The batch's gradient is g0[i] + g1[i] (every further thread's part is added into g0). */
  g0: Float32Array;
  g1: Float32Array;
}

function update(
  { w, m, v, g0, g1 }: AdamArrays,
  settings: AdamSettings,
  range: Pick<Slice, 'start' | 'end'>,
  step: number,
): void {
  const { learningRate, beta1, beta2, epsilon } = settings;
  // lr · (m / c1) / (sqrt(v / c2) + eps), with the divisions by constants taken out of the loop:
  // the loop then ran in 0.45 ms instead of 0.73 for half the notebook's parameters (Node).
  const stepSize = learningRate / (1 - beta1 ** step);
  const inverseCorrection2 = 1 / (1 - beta2 ** step);
  const keep1 = 1 - beta1;
  const keep2 = 1 - beta2;
  for (let i = range.start; i < range.end; i++) {
    const gi = g0[i] + g1[i];
    const mi = beta1 * m[i] + keep1 * gi;
    const vi = beta2 * v[i] + keep2 * gi * gi;
    m[i] = mi;
    v[i] = vi;
    w[i] -= (stepSize * mi) / (Math.sqrt(vi * inverseCorrection2) + epsilon);
  }
}

/** Update number `step` (from 1) of the parameters in `range`, from every thread's gradients. */
export function adamRange(
  description: SharedDescription,
  layout: SharedLayout,
  buffer: SharedArrayBuffer,
  range: Pick<Slice, 'start' | 'end'>,
  step: number,
): void {
  const parts = Array.from({ length: description.threads }, (_, t) => layout.grads(buffer, t));
  const [first, second, ...more] = parts;
  if (second === undefined) throw new Error('the shared update is for two threads or more');
  // Every thread sums only its own range, so no two threads write the same floats.
  for (const part of more) {
    for (let i = range.start; i < range.end; i++) first[i] += part[i];
  }
  const arrays = {
    w: layout.weights(buffer),
    m: layout.firstMoment(buffer),
    v: layout.secondMoment(buffer),
    g0: first,
    g1: second,
  };
  update(arrays, description.adam, range, step);
}
