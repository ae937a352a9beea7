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

/** The colour of t in [0, 1] (clamped), interpolated between the stops. */
export function scaleColor(t: number): string {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = x * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(position));
  const f = position - i;
  const [r, g, b] = STOPS[i].map((c, k) => Math.round(c + (STOPS[i + 1][k] - c) * f));
  return `rgb(${r}, ${g}, ${b})`;
}

/** A CSS gradient of the whole scale, left (0) to right (1), for the legend. */
export function scaleGradient(): string {
  const parts = STOPS.map(
    ([r, g, b], i) => `rgb(${r}, ${g}, ${b}) ${((i / (STOPS.length - 1)) * 100).toFixed(1)}%`,
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
