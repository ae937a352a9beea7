/**
 * Adam for our training loop. tfjs's AdamOptimizer runs about 40 small generic ops per step, which
 * on the pure-JS cpu backend cost as much as the rest of the step; here each variable's update is
 * one cpu kernel of our own doing the same float32 maths in one pass. It stays an AdamOptimizer
 * (same state, getWeights/setWeights and save format) so checkpoints work unchanged, and every
 * other backend runs tfjs's own update.
 */
import * as tf from '@tensorflow/tfjs-core';
import { registerCpuKernel, valuesOf } from './cpuKernelUtil';
import { tensorOf } from './wasmHeap';

export const CPU_ADAM_KERNEL = 'LatentLabAdam';

/** The private state tfjs's AdamOptimizer keeps (adam_optimizer.js), which we update in place. */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
}

type VariableGradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

/**
 * The variable named `name` and its two moments, the i-th in tfjs's order, created (zero, with
 * tfjs's names) on first use. Call inside a tidy.
 */
function momentSlots(state: AdamState, i: number, name: string) {
  const value: tf.Variable | undefined = tf.engine().registeredVariables[name];
  if (value === undefined) throw new Error(`no variable named ${name}`);
  const zeros = () => tf.tidy(() => tf.zerosLike(value).variable(false));
  const first = (state.accumulatedFirstMoment[i] ??= {
    originalName: `${name}/m`,
    variable: zeros(),
  }).variable;
  const second = (state.accumulatedSecondMoment[i] ??= {
    originalName: `${name}/v`,
    variable: zeros(),
  }).variable;
  return { value, first, second };
}

function numberAttr(attrs: tf.NamedAttrMap, name: string): number {
  const value = attrs[name];
  if (typeof value !== 'number') throw new Error(`${CPU_ADAM_KERNEL} needs a number ${name}`);
  return value;
}

const f32 = Math.fround;

// Every intermediate is rounded to float32 where tfjs's cpu ops store one, so the results match
// tf.train.adam bit for bit (Math.fround is cheap next to the pass itself).
registerCpuKernel(CPU_ADAM_KERNEL, (backend, inputs, attrs) => {
  const w = valuesOf(backend, inputs.value);
  const g = valuesOf(backend, inputs.gradient);
  const m = valuesOf(backend, inputs.m);
  const v = valuesOf(backend, inputs.v);
  const size = w.length;
  if (g.length !== size || m.length !== size || v.length !== size) {
    throw new Error(`${CPU_ADAM_KERNEL}: the variable, gradient and moments differ in size`);
  }
  const beta1 = f32(numberAttr(attrs, 'beta1'));
  const beta2 = f32(numberAttr(attrs, 'beta2'));
  const oneMinusBeta1 = f32(1 - numberAttr(attrs, 'beta1'));
  const oneMinusBeta2 = f32(1 - numberAttr(attrs, 'beta2'));
  const epsilon = f32(numberAttr(attrs, 'epsilon'));
  const negLearningRate = f32(-numberAttr(attrs, 'learningRate'));
  const oneMinusAccBeta1 = f32(1 - valuesOf(backend, inputs.accBeta1)[0]);
  const oneMinusAccBeta2 = f32(1 - valuesOf(backend, inputs.accBeta2)[0]);
  const newW = new Float32Array(size);
  const newM = new Float32Array(size);
  const newV = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const gi = g[i];
    const mi = f32(f32(m[i] * beta1) + f32(gi * oneMinusBeta1));
    const vi = f32(f32(v[i] * beta2) + f32(f32(gi * gi) * oneMinusBeta2));
    newM[i] = mi;
    newV[i] = vi;
    const mHat = f32(mi / oneMinusAccBeta1);
    const vHat = f32(vi / oneMinusAccBeta2);
    const denominator = f32(f32(Math.sqrt(vHat)) + epsilon);
    newW[i] = f32(f32(mHat / denominator) * negLearningRate) + w[i];
  }
  const shape = inputs.value?.shape ?? [size];
  return [
    backend.makeTensorInfo(shape, 'float32', newW),
    backend.makeTensorInfo(shape, 'float32', newM),
    backend.makeTensorInfo(shape, 'float32', newV),
  ];
});

/** Adam's settings, for an update done outside tfjs (the threads' shared memory). */
export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export class OurAdam extends tf.AdamOptimizer {
  /**
   * Set while the moments live elsewhere (threads/sharedAdam.ts): writes them back into this
   * optimizer's variables, so a checkpoint reads the real state.
   */
  private writeBack: (() => void) | null = null;

  settings(): AdamSettings {
    const { learningRate, beta1, beta2, epsilon } = this;
    return { learningRate, beta1, beta2, epsilon };
  }

  /** Hands the moments to someone else, who must write them back when asked (null: take back). */
  lendState(writeBack: (() => void) | null): void {
    this.writeBack = writeBack;
  }

  /** One update was applied elsewhere: count it, as applyGradients would. */
  countStep(): void {
    this.incrementIterations();
  }

  /**
   * The moments of each variable in `names` (the order gradients come in, which is the order
   * tfjs keeps them in); null for a variable that has none yet (no step taken).
   */
  readMoments(names: readonly string[]): { m: Float32Array; v: Float32Array }[] | null {
    const state = this as unknown as AdamState;
    if (!state.accumulatedFirstMoment.length) return null;
    return names.map((_, i) => {
      const m = state.accumulatedFirstMoment[i]?.variable;
      const v = state.accumulatedSecondMoment[i]?.variable;
      if (!m || !v) throw new Error('the optimizer holds moments for other variables');
      return { m: m.dataSync() as Float32Array, v: v.dataSync() as Float32Array };
    });
  }

  /** Puts moments computed elsewhere into this optimizer, with tfjs's names and order. */
  writeMoments(
    names: readonly string[],
    moments: readonly { m: Float32Array; v: Float32Array }[],
  ): void {
    const state = this as unknown as AdamState;
    tf.tidy(() => {
      names.forEach((name, i) => {
        const { value, first, second } = momentSlots(state, i, name);
        first.assign(tensorOf(moments[i].m, value.shape));
        second.assign(tensorOf(moments[i].v, value.shape));
      });
      // What applyGradients would have left: beta^(steps + 1), for the next update.
      state.accBeta1.assign(tf.scalar(this.beta1 ** (this.iterations + 1)));
      state.accBeta2.assign(tf.scalar(this.beta2 ** (this.iterations + 1)));
    });
  }

  override async getWeights(): ReturnType<tf.AdamOptimizer['getWeights']> {
    this.writeBack?.();
    return super.getWeights();
  }

  override applyGradients(variableGradients: VariableGradients): void {
    if (tf.getBackend() !== 'cpu') {
      super.applyGradients(variableGradients);
      return;
    }
    // tfjs declares these private; the cast names exactly the fields adam_optimizer.js uses.
    const state = this as unknown as AdamState;
    const entries: { name: string; gradient: tf.Tensor | undefined }[] = Array.isArray(
      variableGradients,
    )
      ? variableGradients.map(({ name, tensor }) => ({ name, gradient: tensor }))
      : Object.entries(variableGradients).map(([name, gradient]) => ({ name, gradient }));
    tf.tidy(() => {
      entries.forEach(({ name, gradient }, i) => {
        // Created on first use, with tfjs's names, even for a missing gradient (as tfjs does):
        // getWeights saves them by index.
        const { value, first, second } = momentSlots(state, i, name);
        if (gradient == null) return;
        const [newValue, newFirst, newSecond] = tf.engine().runKernel<tf.Tensor[]>(
          CPU_ADAM_KERNEL,
          {
            value,
            gradient,
            m: first,
            v: second,
            accBeta1: state.accBeta1,
            accBeta2: state.accBeta2,
          },
          {
            learningRate: this.learningRate,
            beta1: this.beta1,
            beta2: this.beta2,
            epsilon: this.epsilon,
          },
        );
        // assign takes over the new data and releases the old; tidy disposes the handles.
        first.assign(newFirst);
        second.assign(newSecond);
        value.assign(newValue);
      });
      state.accBeta1.assign(tf.mul(state.accBeta1, this.beta1));
      state.accBeta2.assign(tf.mul(state.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }
}

/** Adam with Keras's defaults, as trainStep.ts's kerasAdam, with the fast cpu update. */
export function ourAdam(learningRate: number): OurAdam {
  return new OurAdam(learningRate, 0.9, 0.999, 1e-7);
}
