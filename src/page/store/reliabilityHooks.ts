/**
 * What the page does (beyond updating the store) when certain worker messages arrive: offer an
 * export as downloads, fetch the saved-models list once the worker can answer, and set up
 * offline use once the digits have been downloaded (so the service worker's copy of them comes
 * from the browser's HTTP cache instead of a second download).
 */
import { enableOffline } from '../client/offline';
import type { FromWorker, ToWorker } from '../../shared/protocol';
import type { AppState } from './appState';
import { createModelActions, downloadExport, type ModelActions } from '../models/modelActions';
import type { Store } from './store';

export interface ReliabilityHooks {
  models: ModelActions;
  onMessage(message: FromWorker): void;
}

export function createReliabilityHooks(
  store: Store<AppState>,
  send: (message: ToWorker) => void,
): ReliabilityHooks {
  const models = createModelActions(store, send);
  let offlineStarted = false;
  return {
    models,
    onMessage(message) {
      if (message.type === 'modelExport') downloadExport(message);
      if (message.type !== 'dataReady') return;
      models.refresh();
      if (offlineStarted) return;
      offlineStarted = true;
      void enableOffline(
        message.totalBytes,
        (offline) => store.setState((s) => ({ ...s, reliability: { ...s.reliability, offline } })),
        // The reload that isolates the page (client/isolation.ts) waits for nothing but must not
        // throw away a run: only while nothing has been trained.
        () => store.getState().runState === 'idle' && store.getState().losses.length === 0,
      );
    },
  };
}
