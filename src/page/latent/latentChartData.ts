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
  /** Per unit, [bottom, top] for dead units and null for the others. */
  deadColumns: BarValue[];
  /** The y axis top. */
  top: number;
  /** The y axis bottom: 0, or -top for signed codes (a VAE's means), so 0 stays in the middle. */
  bottom: number;
}

/**
 * Why a unit is marked off: a ReLU unit that is (almost) always 0, or a VAE unit whose KL term
 * switched it off (its code is noise whatever the digit).
 */
export type OffReason = 'relu' | 'kl';

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

/**
 * The y axis top that fits the code and its band: used per chart, or maxed over a screen. A
 * signed code (a VAE's) also fits its most negative value, below an axis of -top to top.
 */
export function chartTop(
  values: ArrayLike<number>,
  high?: ArrayLike<number>,
  low?: ArrayLike<number>,
): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i], -values[i]);
  if (high) for (let i = 0; i < high.length; i++) max = Math.max(max, high[i]);
  if (low) for (let i = 0; i < low.length; i++) max = Math.max(max, -low[i]);
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
    /** Whether the axis goes below 0; by default, when a value or the band does. */
    signed?: boolean;
  },
): LatentBars {
  const dim = values.length;
  const { low, high, dead, sharedTop } = options;
  const top = sharedTop ?? chartTop(values, high, low);
  const signed =
    options.signed ??
    (Array.from(values).some((v) => v < 0) || Array.from(low ?? []).some((v) => v < 0));
  const bottom = signed ? -top : 0;
  const deadSet = new Set(dead);
  return {
    labels: Array.from({ length: dim }, (_, u) => String(u)),
    values: Array.from(values),
    band: low && high ? Array.from({ length: dim }, (_, u): BarValue => [low[u], high[u]]) : null,
    deadColumns: Array.from({ length: dim }, (_, u): BarValue =>
      deadSet.has(u) ? [bottom, top] : null,
    ),
    top,
    bottom,
  };
}

/** "units 3, 7 and 12" style list, for names and notes. */
export function listUnits(units: readonly number[]): string {
  if (units.length <= 1) return units.join('');
  return `${units.slice(0, -1).join(', ')} and ${units[units.length - 1]}`;
}

/** The marked units in words: "dead units 1 and 3", "units 1 and 3 switched off by the KL term". */
export function offUnitsText(dead: readonly number[], reason: OffReason = 'relu'): string {
  const units = dead.length === 1 ? `unit ${dead[0]}` : `units ${listUnits(dead)}`;
  return reason === 'kl' ? `${units} switched off by the KL term` : `dead ${units}`;
}

/** The chart's accessible name: what it shows, how many bars, and which units are off. */
export function latentChartName(
  title: string,
  bars: number,
  dead: readonly number[],
  reason: OffReason = 'relu',
): string {
  return dead.length === 0
    ? `${title}: ${bars} bars`
    : `${title}: ${bars} bars, ${offUnitsText(dead, reason)}`;
}
