import { describe, expect, it } from 'vitest';
import { ActiveClock, RateMeter } from '../../../../src/worker/training/meters';

describe('run meters', () => {
  it('counts running time only', () => {
    let now = 1000;
    const clock = new ActiveClock(() => now);
    expect(clock.elapsed()).toBe(0);
    clock.start();
    now += 300;
    expect(clock.elapsed()).toBe(300);
    clock.stop();
    now += 5000; // paused
    clock.start();
    clock.start(); // idempotent
    now += 200;
    clock.stop();
    clock.stop();
    expect(clock.elapsed()).toBe(500);
  });

  it('measures throughput over a recent window', () => {
    const rate = new RateMeter(1000);
    expect(rate.perSecond()).toBe(0);
    rate.mark(100, 100); // 1000/s from the start
    expect(rate.perSecond()).toBeCloseTo(1000);
    for (let t = 200; t <= 2000; t += 100) rate.mark(t, 100 + ((t - 100) / 100) * 50); // 500/s
    expect(rate.perSecond()).toBeCloseTo(500);
  });
});
