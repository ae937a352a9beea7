/**
 * The datasets of one latent bar chart, as pure data: the code's bars in front, the digit's
 * spread as a wide pale floating bar behind each, and dead units as full-height hatched
 * columns. Kept apart from the component so the shapes can be tested without a canvas.
 */

/** A bar's value: a height from 0, a floating [from, to] range, or nothing at this unit. */
export type BarValue = number | [number, number] | null;

export interface LatentBars {
  /** "0".."latentDim-1". */
  labels: string[];
  values: number[];
  /** Per unit, the spread band [low, high], or null when no spread is given. */
  band: BarValue[] | null;
  /** Per unit, [0, top] for dead units and null for the others. */
  deadColumns: BarValue[];
  /** The y axis top. */
  top: number;
}

/** Headroom above the tallest bar so it never touches the frame. */
const HEADROOM = 1.04;

/** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 x 10^k at or above `value`: an axis top a
 * class can read off (17.02 becomes 20). */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value * (1 - 1e-9));
  return (step ?? 10) * power;
}

/** The y axis top that fits the code and its band: used per chart, or maxed over a screen. */
export function chartTop(values: ArrayLike<number>, high?: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]);
  if (high) for (let i = 0; i < high.length; i++) max = Math.max(max, high[i]);
  // An all-zero code (e.g. only dead units) still needs a visible axis.
  return max > 0 ? niceCeil(max * HEADROOM) : 1;
}

export function latentBars(
  values: ArrayLike<number>,
  options: {
    low?: ArrayLike<number>;
    high?: ArrayLike<number>;
    dead: readonly number[];
    /** A shared top (same scale on every chart on screen), or null for this chart's own. */
    sharedTop: number | null;
  },
): LatentBars {
  const dim = values.length;
  const { low, high, dead, sharedTop } = options;
  const top = sharedTop ?? chartTop(values, high);
  const deadSet = new Set(dead);
  return {
    labels: Array.from({ length: dim }, (_, u) => String(u)),
    values: Array.from(values),
    band: low && high ? Array.from({ length: dim }, (_, u): BarValue => [low[u], high[u]]) : null,
    deadColumns: Array.from({ length: dim }, (_, u): BarValue =>
      deadSet.has(u) ? [0, top] : null,
    ),
    top,
  };
}

/** "units 3, 7 and 12" style list, for names and notes. */
export function listUnits(units: readonly number[]): string {
  if (units.length <= 1) return units.join('');
  return `${units.slice(0, -1).join(', ')} and ${units[units.length - 1]}`;
}

/** The chart's accessible name: what it shows, how many bars, and which units are dead. */
export function latentChartName(title: string, bars: number, dead: readonly number[]): string {
  const deadText =
    dead.length === 0
      ? ''
      : dead.length === 1
        ? `, dead unit ${dead[0]}`
        : `, dead units ${listUnits(dead)}`;
  return `${title}: ${bars} bars${deadText}`;
}
