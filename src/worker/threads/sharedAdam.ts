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
  /** The batch's gradient of each parameter, already summed over the threads. */
  g: (i: number) => number;
}

function update(
  { w, m, v, g }: AdamArrays,
  settings: AdamSettings,
  range: Pick<Slice, 'start' | 'end'>,
  step: number,
): void {
  const { learningRate, beta1, beta2, epsilon } = settings;
  const correction1 = 1 - beta1 ** step;
  const correction2 = 1 - beta2 ** step;
  for (let i = range.start; i < range.end; i++) {
    const gi = g(i);
    const mi = beta1 * m[i] + (1 - beta1) * gi;
    const vi = beta2 * v[i] + (1 - beta2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    w[i] -= (learningRate * (mi / correction1)) / (Math.sqrt(vi / correction2) + epsilon);
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
  const [first, second] = parts;
  // Two threads (the usual laptop) get the sum written out: a loop over the parts inside the
  // update cost half again as much as the update itself (measured in Node, 105,000 parameters).
  const g =
    parts.length === 2
      ? (i: number) => first[i] + second[i]
      : (i: number) => {
          let sum = 0;
          for (let t = 0; t < parts.length; t++) sum += parts[t][i];
          return sum;
        };
  const arrays = {
    w: layout.weights(buffer),
    m: layout.firstMoment(buffer),
    v: layout.secondMoment(buffer),
    g,
  };
  update(arrays, description.adam, range, step);
}
