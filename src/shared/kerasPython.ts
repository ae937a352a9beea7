/** Small pieces of Python shared by the Keras scripts of every kind of model (kerasCode.ts). */

/** The input's name, as src/worker/models/model.ts gives it. */
export const INPUT_NAME = 'image';

/**
 * A number as a Python float literal. JavaScript's shortest round-trip form ("0.001", "1e-7",
 * "0.0005") is also valid Python; whole numbers get ".0" so Python reads a float, as Keras expects.
 */
export function pythonFloat(value: number): string {
  const text = String(value);
  return /[.e]/i.test(text) ? text : `${text}.0`;
}

export function dense(units: number, activation: string, name: string, input: string): string {
  return `layers.Dense(${units}, activation="${activation}", name="${name}")(${input})`;
}
