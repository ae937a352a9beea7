/**
 * The heatmap's colour scale: viridis (dark purple -> teal -> yellow). It runs from dark to
 * light, so it still reads as "more" in grayscale and for the common colour-vision
 * deficiencies, and it survives a washed-out projector better than a two-hue scale.
 */

/** Viridis sampled at 0, 1/8, ..., 1 (matplotlib's values). */
const STOPS: readonly [number, number, number][] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/**
 * For signed values (a VAE's means): ColorBrewer's RdBu, blue below 0, near-white at 0, red
 * above, sampled at -1, -0.75, ..., 1. Built to be told apart with colour-vision deficiencies;
 * the sign also shows in each cell's number (its title and the table's text).
 */
const SIGNED_STOPS: readonly [number, number, number][] = [
  [33, 102, 172],
  [67, 147, 195],
  [146, 197, 222],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [244, 165, 130],
  [214, 96, 77],
  [178, 24, 43],
];

function colorAt(stops: readonly [number, number, number][], x: number): string {
  const position = x * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(position));
  const f = position - i;
  const [r, g, b] = stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The colour of t in [0, 1] (clamped), interpolated between the stops. */
export function scaleColor(t: number): string {
  return colorAt(STOPS, Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0);
}

/** The colour of a signed t in [-1, 1] (clamped): blue, white at 0, red. */
export function signedColor(t: number): string {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(-1, t)) : 0;
  return colorAt(SIGNED_STOPS, (x + 1) / 2);
}

/** A CSS gradient of the whole scale, left (lowest) to right (highest), for the legend. */
export function scaleGradient(signed = false): string {
  const parts = (signed ? SIGNED_STOPS : STOPS).map(
    ([r, g, b], i, all) => `rgb(${r}, ${g}, ${b}) ${((i / (all.length - 1)) * 100).toFixed(1)}%`,
  );
  return `linear-gradient(to right, ${parts.join(', ')})`;
}

/** Legend ticks at round values (0, 5, 10, 15 for a top of 15.4), at most about 5 of them. */
export function legendTicks(top: number, most = 5): number[] {
  if (!(top > 0) || !Number.isFinite(top)) return [0];
  const rough = top / (most - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  // The small tolerance keeps a tick that lands on the top despite float rounding.
  for (let value = 0; value <= top * (1 + 1e-9); value += step)
    ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** A value for a legend or a cell: 2 significant decimals for small ones, 1 otherwise. */
export function formatActivation(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(1);
}
