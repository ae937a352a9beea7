/**
 * How the digits travel from the data worker to the training worker: one message on a
 * MessagePort the page set up between them, carrying the loaded arrays (transferred, not
 * copied). The training worker sees them through a DatasetLoader like any other.
 */
import type { DatasetLoader, MnistData } from './dataset';

export interface DatasetHandoff {
  type: 'dataset';
  data: MnistData;
}

export function handOff(port: MessagePort, data: MnistData): void {
  // A Set: two arrays may share a buffer, and a buffer listed twice cannot be transferred.
  const buffers = new Set<ArrayBuffer>();
  for (const split of [data.train, data.test]) {
    for (const chunk of split.chunks) buffers.add(chunk.buffer as ArrayBuffer);
    buffers.add(split.labels.buffer as ArrayBuffer);
  }
  const message: DatasetHandoff = { type: 'dataset', data };
  port.postMessage(message, [...buffers]);
}

/**
 * The training worker's side: load() waits for the digits. Progress and failures never come
 * here; the data worker tells the page itself, and the page's Retry goes to it.
 */
export function handedOffLoader(port: MessagePort): DatasetLoader {
  const handedOff = new Promise<MnistData>((resolve) => {
    port.onmessage = (event: MessageEvent<DatasetHandoff>) => {
      if (event.data.type === 'dataset') resolve(event.data.data);
    };
  });
  return { reportsToPage: true, load: () => handedOff };
}
