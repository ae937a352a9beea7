import { expect, it } from 'vitest';
import { mark, waitForCount } from '../../../../src/worker/threads/counters';

it('counts a thread in, and waits until a count is reached or the time is up', () => {
  const header = new Int32Array(new SharedArrayBuffer(8));
  mark(header, 1);
  mark(header, 1);
  expect(header[1]).toBe(2);
  expect(waitForCount(header, 1, 2)).toBe(true);
  expect(waitForCount(header, 1, 3, 20)).toBe(false);
  expect(header[0]).toBe(0);
});
