import { describe, expect, it } from 'vitest';
import { oneAtATime, settleAll } from '../../../../src/worker/data/pool';
import { createThrottle } from '../../../../src/worker/data/progressThrottle';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createThrottle', () => {
  it('passes at most one value per interval, and always a forced one', () => {
    let time = 0;
    const seen: number[] = [];
    const report = createThrottle(
      (value: number) => seen.push(value),
      50,
      () => time,
    );
    for (let i = 0; i < 100; i += 1) {
      report(i);
      time += 5; // 200 reports a second
    }
    expect(seen).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    report(100, true);
    expect(seen.at(-1)).toBe(100);
  });
});

describe('settleAll', () => {
  it('runs every task, at most `limit` at once, and keeps going after a failure', async () => {
    let running = 0;
    let peak = 0;
    const task = (fail: boolean) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      running -= 1;
      if (fail) throw new Error('boom');
    };
    const outcomes = await settleAll([false, true, false, false, false].map(task), 2);
    expect(peak).toBe(2);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
  });
});

describe('oneAtATime', () => {
  it('runs calls one at a time, even after one fails', async () => {
    const order: string[] = [];
    const job = oneAtATime(async (name: string, fail: boolean) => {
      order.push(`${name} start`);
      await tick();
      order.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    });
    const results = await Promise.allSettled([job('a', true), job('b', false), job('c', false)]);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  });
});
