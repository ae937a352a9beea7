import { describe, expect, it } from 'vitest';
import { createCodeSampler, unitMoments } from '../../../../src/page/playground/codeDraws';

function moments(values: Float32Array) {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / (values.length - 1)) };
}

describe('Generate’s random codes', () => {
  it('are the same for the same seed, and new at every press', () => {
    const a = createCodeSampler(7);
    const b = createCodeSampler(7);
    const first = a.next(10, 2);
    expect(Array.from(b.next(10, 2))).toEqual(Array.from(first));
    const second = a.next(10, 2);
    expect(second).toHaveLength(20);
    expect(Array.from(second)).not.toEqual(Array.from(first));
  });

  it('follow N(0, 1): mean about 0, spread about 1, no blow-ups', () => {
    const draws = createCodeSampler(1).next(5000, 4);
    const { mean, sd } = moments(draws);
    // 20,000 draws: the mean's standard error is 0.007, the sd's about 0.005.
    expect(Math.abs(mean)).toBeLessThan(0.04);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    expect(draws.every((v) => Number.isFinite(v) && Math.abs(v) < 7)).toBe(true);
    // About 68% within one sd, as for a bell curve (not a uniform spread, 58%).
    const inside = draws.filter((v) => Math.abs(v) < 1).length / draws.length;
    expect(inside).toBeGreaterThan(0.66);
    expect(inside).toBeLessThan(0.7);
  });

  it('follow each unit’s own centre and spread when given', () => {
    const codes = Float32Array.from([0, 10, 2, 14, 4, 18]); // unit 0: 0,2,4; unit 1: 10,14,18
    const fitted = unitMoments(codes, 2);
    expect(Array.from(fitted.mean)).toEqual([2, 14]);
    expect(Array.from(fitted.sd)).toEqual([2, 4]);
    const draws = createCodeSampler(3).next(4000, 2, fitted);
    const unit1 = draws.filter((_, k) => k % 2 === 1);
    const { mean, sd } = moments(unit1);
    expect(mean).toBeGreaterThan(13.7);
    expect(mean).toBeLessThan(14.3);
    expect(sd).toBeGreaterThan(3.8);
    expect(sd).toBeLessThan(4.2);
  });
});
