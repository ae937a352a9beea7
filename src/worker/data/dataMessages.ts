/**
 * What the page is told about the dataset: ready (with the samples it draws) or why not.
 * Built in one place because two threads send them: the data worker, which loads the digits
 * for the page, and the training worker, when it loads them itself (see handlerData.ts).
 */
import type { FromWorker } from '../../shared/protocol';
import { DataLoadError, type MnistData, type SplitData } from './dataset';
import { joinChunks } from './pixelChunks';
import { firstIndices, firstOfEachClass, samplesAt } from './probes';

const SAMPLE_STRIP_LENGTH = 16;

type DataReadyMessage = Extract<FromWorker, { type: 'dataReady' }>;
type TestSetMessage = Extract<FromWorker, { type: 'testSet' }>;
type DataErrorMessage = Extract<FromWorker, { type: 'dataError' }>;

/** The pixels of the fixed probe digits (the first test image of each class). */
export function probePixels(test: SplitData): Uint8Array {
  return samplesAt(test, firstOfEachClass(test.labels)).pixels;
}

/** Everything in it is a copy: the loaded arrays stay with the sender (or go to training). */
export function dataReadyMessage(data: MnistData, loadMs: number): DataReadyMessage {
  return {
    type: 'dataReady',
    trainCount: data.train.count,
    testCount: data.test.count,
    totalBytes: data.totalBytes,
    pixelDigests: data.pixelDigests,
    credit: data.credit,
    samples: samplesAt(data.test, firstIndices(SAMPLE_STRIP_LENGTH, data.test.count)),
    probes: samplesAt(data.test, firstOfEachClass(data.test.labels)),
    loadMs: Math.round(loadMs),
  };
}

/** The page's own copy of the test split; sent right after dataReady (see TestSet). */
export function testSetMessage(data: MnistData): TestSetMessage {
  return {
    type: 'testSet',
    test: { pixels: joinChunks(data.test).slice(), labels: data.test.labels.slice() },
  };
}

export function dataErrorMessage(error: unknown): DataErrorMessage {
  if (error instanceof DataLoadError) {
    return {
      type: 'dataError',
      file: error.file,
      fault: error.fault,
      message: error.message,
      retryable: error.retryable,
    };
  }
  return {
    type: 'dataError',
    file: 'the dataset',
    fault: 'network',
    message: String(error),
    retryable: true,
  };
}
