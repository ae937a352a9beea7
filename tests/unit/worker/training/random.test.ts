import { describe, expect, it } from 'vitest';
import {
  deriveSeed,
  layerSeeds,
  mulberry32,
  shuffledIndices,
} from '../../../../src/worker/training/random';

describe('seeded randomness', () => {
  it('gives floats in [0, 1) and the same stream for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      expect(b()).toBe(x);
    }
  });

  it('shuffles into a permutation, repeatably, differently per seed', () => {
    const n = 5000;
    const first = shuffledIndices(n, mulberry32(7));
    expect([...first].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(shuffledIndices(n, mulberry32(7))).toEqual(first);
    expect(shuffledIndices(n, mulberry32(8))).not.toEqual(first);
    // Not the identity, and the next epoch from the same generator differs.
    const rng = mulberry32(7);
    const epoch1 = shuffledIndices(n, rng);
    const epoch2 = shuffledIndices(n, rng);
    expect(epoch2).not.toEqual(epoch1);
    expect(epoch1.filter((v, i) => v === i).length).toBeLessThan(20);
  });

  it('handles tiny inputs', () => {
    expect(shuffledIndices(0, mulberry32(1))).toEqual(new Uint32Array(0));
    expect(shuffledIndices(1, mulberry32(1))).toEqual(new Uint32Array([0]));
  });

  it('derives nonzero, distinct, repeatable seeds', () => {
    for (const runSeed of [1, 2, 42, 2 ** 31 - 1]) {
      const seeds = layerSeeds(runSeed, 4);
      expect(new Set(seeds).size).toBe(4);
      for (const s of seeds) {
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThan(2 ** 31);
      }
      expect(layerSeeds(runSeed, 4)).toEqual(seeds);
      expect(seeds).not.toContain(deriveSeed(runSeed, 0));
    }
    expect(layerSeeds(1, 4)).not.toEqual(layerSeeds(2, 4));
  });
});
