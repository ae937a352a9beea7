/** One seedable generator for both sides: the worker's shuffles and the page's Shuffle button. */

/** A generator of floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: 32 bits of state, good enough statistics for shuffling, and bit-identical in
 * every JavaScript engine (only 32-bit integer arithmetic via Math.imul and >>>).
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
