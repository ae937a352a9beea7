import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mnistDataFolder } from '../../../scripts/lib/mnistSource';
import { parseIdx } from '../../../src/shared/idx';

const read = (file: string) => new Uint8Array(readFileSync(join(mnistDataFolder(), file)));

/** A well-formed IDX file of unsigned bytes with the given dims. */
function idx(dims: number[], payload: number[]): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  header.setUint32(0, 0x0800 | dims.length);
  dims.forEach((size, i) => header.setUint32(4 + 4 * i, size));
  return new Uint8Array([...new Uint8Array(header.buffer), ...payload]);
}

describe('parseIdx', () => {
  it('reads the real MNIST test images and labels', () => {
    const images = parseIdx(read('t10k-images-idx3-ubyte'));
    expect(images.dims).toEqual([10_000, 28, 28]);
    expect(images.data.length).toBe(7_840_000);
    const labels = parseIdx(read('t10k-labels-idx1-ubyte'));
    expect(labels.dims).toEqual([10_000]);
    // The well-known first test labels: 7, 2, 1, 0, 4.
    expect([...labels.data.subarray(0, 5)]).toEqual([7, 2, 1, 0, 4]);
    expect(Math.max(...labels.data)).toBe(9);
  });

  it('reads a tiny hand-made file', () => {
    const parsed = parseIdx(idx([2, 3], [1, 2, 3, 4, 5, 6]));
    expect(parsed.dims).toEqual([2, 3]);
    expect([...parsed.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects a bad magic number', () => {
    const bytes = idx([2], [1, 2]);
    bytes[0] = 0x1f; // e.g. a gzip file served by mistake
    expect(() => parseIdx(bytes)).toThrow(/magic number is 0x1f000801.*two zero bytes/);
  });

  it('rejects element types other than unsigned bytes', () => {
    const bytes = idx([1], [0, 0, 0, 0]);
    bytes[2] = 0x0d; // float32
    expect(() => parseIdx(bytes)).toThrow(/element type 0x0d/);
  });

  it('rejects a payload shorter or longer than its dims', () => {
    expect(() => parseIdx(idx([2, 2], [1, 2, 3]))).toThrow(/expected 4 bytes.*found 3/);
    expect(() => parseIdx(idx([2], [1, 2, 3]))).toThrow(/expected 2 bytes.*found 3/);
    const realShort = read('t10k-labels-idx1-ubyte').subarray(0, 5_000);
    expect(() => parseIdx(realShort)).toThrow(/\[10000\].*expected 10000 bytes.*found 4992/);
  });

  it('rejects a truncated header', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8]))).toThrow(/too short/);
    expect(() => parseIdx(idx([5, 5], []).subarray(0, 8))).toThrow(/Truncated IDX header/);
  });
});
