/**
 * The data worker's job, without the worker (data.worker.ts wires it up, tests drive it
 * directly): load the digits, tell the page how it goes, and hand them to the training worker.
 * The page hears about progress, success and failure from here, not through the training
 * worker, which is busy loading tfjs at the same time.
 */
import { transferablesOf, type FromWorker, type ToDataWorker } from '../../shared/protocol';
import type { DatasetLoader } from './dataset';
import { dataErrorMessage, dataReadyMessage, testSetMessage } from './dataMessages';
import { handOff } from './datasetHandoff';

export interface DataServiceDeps {
  createLoader(baseUrl: string): DatasetLoader;
  toPage(message: FromWorker, transfer: Transferable[]): void;
  /** Called once the digits are handed over: nothing is left to do. */
  done(): void;
}

export function createDataService(deps: DataServiceDeps): (message: ToDataWorker) => void {
  let loader: DatasetLoader | null = null;
  let trainingPort: MessagePort | null = null;
  let busy = false;
  const send = (message: FromWorker) => deps.toPage(message, transferablesOf(message));

  const load = async () => {
    if (!loader || !trainingPort || busy) return;
    busy = true;
    const started = performance.now();
    try {
      const data = await loader.load((progress) => send({ type: 'dataProgress', ...progress }));
      send(dataReadyMessage(data, performance.now() - started));
      // The page's copy before the hand-off, which transfers (and so empties) the arrays it is
      // cut from; sent after it, so the training worker need not wait for the message either.
      const testSet = testSetMessage(data);
      handOff(trainingPort, data);
      send(testSet);
      deps.done();
    } catch (error) {
      send(dataErrorMessage(error));
    } finally {
      busy = false;
    }
  };

  return (message) => {
    if (message.type === 'load') {
      if (loader) return;
      loader = deps.createLoader(message.dataBaseUrl);
      trainingPort = message.trainingPort;
    }
    void load();
  };
}
