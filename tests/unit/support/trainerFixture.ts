/**
 * What the Trainer's unit tests share: real MNIST digits on the wasm backend, loaded once per
 * file, and every trainer made disposed after its test.
 */
import { afterEach, beforeAll } from 'vitest';
import { IMAGE_SIZE } from '../../../src/shared/config';
import { Trainer } from '../../../src/worker/training/trainer';
import type { TrainerOptions } from '../../../src/worker/training/trainerEvents';
import { mnistImages, useWasmBackend, type ImageSlice } from './tfNode';

export interface TrainerFixture {
  /** The first ten test digits, back to back: the probes every trainer here shows. */
  probes(): Uint8Array;
  /** A trainer on the fixture's digits (the options say the rest), disposed after the test. */
  make(options: Omit<TrainerOptions, 'train' | 'test' | 'probes'>): Trainer;
}

/** Call at the top of a test file: the first `trainCount` training and `testCount` test digits. */
export function trainerFixture(trainCount: number, testCount: number): TrainerFixture {
  let train: ImageSlice;
  let test: ImageSlice;
  let probes: Uint8Array;
  const live: Trainer[] = [];
  beforeAll(async () => {
    await useWasmBackend();
    train = mnistImages('train', trainCount);
    test = mnistImages('t10k', testCount);
    probes = test.pixels.slice(0, 10 * IMAGE_SIZE);
  });
  afterEach(() => {
    for (const trainer of live.splice(0)) trainer.dispose();
  });
  return {
    probes: () => probes,
    make(options) {
      const trainer = new Trainer({ ...options, train, test, probes });
      live.push(trainer);
      return trainer;
    },
  };
}
