/**
 * Adam on a range of the parameters, in shared memory: each thread updates its own range, so the
 * update is shared out like the gradients (on one thread tfjs's Adam takes ~1.5 ms a step at the
 * notebook's size, an eighth of the step). The formula is tfjs's (adam_optimizer.js) with Keras's
 * settings; it runs in double precision and stores float32, so it agrees with tfjs's float32
 * update to well under 1e-5.
 */
import type { SharedDescription, SharedLayout } from './sharedLayout';
import type { Slice } from './slices';

/** Update number `step` (from 1) of the parameters in `range`, from every thread's gradients. */
export function adamRange(
  description: SharedDescription,
  layout: SharedLayout,
  buffer: SharedArrayBuffer,
  range: Pick<Slice, 'start' | 'end'>,
  step: number,
): void {
  const { learningRate, beta1, beta2, epsilon } = description.adam;
  const w = layout.weights(buffer);
  const m = layout.firstMoment(buffer);
  const v = layout.secondMoment(buffer);
  const grads = Array.from({ length: description.threads }, (_, t) => layout.grads(buffer, t));
  const correction1 = 1 - beta1 ** step;
  const correction2 = 1 - beta2 ** step;
  for (let i = range.start; i < range.end; i++) {
    let g = 0;
    for (const part of grads) g += part[i];
    const mi = beta1 * m[i] + (1 - beta1) * g;
    const vi = beta2 * v[i] + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    w[i] -= (learningRate * (mi / correction1)) / (Math.sqrt(vi / correction2) + epsilon);
  }
}
