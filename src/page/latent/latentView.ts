/**
 * Which digit and which of its test samples the per-digit latent view shows. Pure reducers
 * (randomness comes in as a seed) so they can be tested, and so a later presenter mode can
 * drive the same state from other keys.
 */
import { mulberry32 } from '../../shared/random';

/** Samples of the chosen digit on screen at once: the notebook shows 3 per digit. */
export const SAMPLES_ON_SCREEN = 3;

export interface LatentViewState {
  digit: number;
  /** Which screenful of the digit's samples: samples page*3 .. page*3+2 of its order. */
  page: number;
  /** null: the test set's own order; a number: a shuffled order drawn from this seed. */
  shuffleSeed: number | null;
  /** false: one y scale for every chart on screen (comparable bars); true: each its own. */
  perChartScale: boolean;
}

export const initialLatentView: LatentViewState = {
  digit: 0,
  page: 0,
  shuffleSeed: null,
  perChartScale: false,
};

export function chooseDigit(view: LatentViewState, digit: number): LatentViewState {
  if (!Number.isInteger(digit) || digit < 0 || digit > 9) return view;
  return { ...view, digit, page: 0 };
}

/** Next (+1) or previous (-1) screenful; the sample order wraps around at both ends. */
export function stepSamples(view: LatentViewState, delta: number): LatentViewState {
  return { ...view, page: view.page + delta };
}

/** New random samples, as the notebook draws them; Next/Prev then walk that random order. */
export function shuffleSamples(view: LatentViewState, seed: number): LatentViewState {
  return { ...view, page: 0, shuffleSeed: seed >>> 0 };
}

export function setPerChartScale(view: LatentViewState, perChart: boolean): LatentViewState {
  return { ...view, perChartScale: perChart };
}

/** `items` in a random order fixed by `seed` (Fisher–Yates). */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The test-set indices on screen: SAMPLES_ON_SCREEN (or fewer, if the digit has fewer) of
 * `digitIndices` (that digit's test images in test-set order), taken from the view's order.
 */
export function visibleSamples(
  view: Pick<LatentViewState, 'page' | 'shuffleSeed'>,
  digitIndices: readonly number[],
): number[] {
  const n = digitIndices.length;
  if (n === 0) return [];
  const order =
    view.shuffleSeed === null ? digitIndices : seededShuffle(digitIndices, view.shuffleSeed);
  const shown = Math.min(SAMPLES_ON_SCREEN, n);
  const start = (((view.page * shown) % n) + n) % n;
  return Array.from({ length: shown }, (_, k) => order[(start + k) % n]);
}

/** Which samples are on screen, in words: "samples 4-6 of 1,028" (1-based, before wrapping). */
export function sampleRange(
  view: Pick<LatentViewState, 'page'>,
  total: number,
): { first: number; last: number } {
  if (total === 0) return { first: 0, last: 0 };
  const shown = Math.min(SAMPLES_ON_SCREEN, total);
  const start = (((view.page * shown) % total) + total) % total;
  return { first: start + 1, last: ((start + shown - 1) % total) + 1 };
}
