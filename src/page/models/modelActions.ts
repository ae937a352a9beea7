/**
 * The page's verbs for saved models. Files picked for import are read and checked here first
 * (with the same rules the worker applies again), so a wrong file is refused, or a different
 * shape is asked about, before the worker or the current model is touched.
 */
import type { FromWorker, ToWorker } from '../../shared/protocol';
import { ModelFileError, parseModelJson, shapeDifference } from '../../shared/savedModel';
import type { AppState } from '../store/appState';
import type { ModelsState } from '../store/reliabilityState';
import type { Store } from '../store/store';

export interface ModelActions {
  refresh(): void;
  save(name: string): void;
  load(id: string): void;
  remove(id: string): void;
  exportFiles(): void;
  importFiles(files: readonly File[]): Promise<void>;
  confirmImport(): void;
  cancelImport(): void;
}

/** A model.json is a few hundred kilobytes at most (the history); refuse anything far bigger. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

function setModels(store: Store<AppState>, models: Partial<ModelsState>): void {
  store.setState((s) => ({
    ...s,
    reliability: { ...s.reliability, models: { ...s.reliability.models, ...models } },
  }));
}

const refuse = (store: Store<AppState>, message: string) =>
  setModels(store, {
    message: `This model could not be loaded. ${message} Nothing was changed.`,
    error: true,
  });

/** Offers the two exported files as downloads (the worker cannot: downloads need a window). */
export function downloadExport(message: Extract<FromWorker, { type: 'modelExport' }>): void {
  const files: [string, Blob][] = [
    [`${message.fileBase}.json`, new Blob([message.json], { type: 'application/json' })],
    [
      `${message.fileBase}.weights.bin`,
      new Blob([message.weights], { type: 'application/octet-stream' }),
    ],
  ];
  for (const [name, blob] of files) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    // The browser has read the blob once the click has been handled.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export function createModelActions(
  store: Store<AppState>,
  send: (message: ToWorker) => void,
): ModelActions {
  const history = () => {
    const { losses, epochSummaries } = store.getState();
    return { losses, epochSummaries };
  };
  const setPending = (pendingImport: AppState['reliability']['pendingImport']) =>
    store.setState((s) => ({ ...s, reliability: { ...s.reliability, pendingImport } }));

  return {
    refresh: () => send({ type: 'listModels' }),
    save: (name) =>
      send({ type: 'saveModel', name: name.trim().slice(0, 80) || 'My model', history: history() }),
    load: (id) => send({ type: 'loadModel', id }),
    remove: (id) => send({ type: 'deleteModel', id }),
    exportFiles: () => send({ type: 'exportModel', history: history() }),
    async importFiles(files) {
      setPending(null);
      const json = files.find((f) => f.name.toLowerCase().endsWith('.json'));
      const weights = files.find((f) => !f.name.toLowerCase().endsWith('.json'));
      if (!json || !weights || files.length !== 2) {
        return refuse(
          store,
          'Choose both exported files together: the .json file and its .weights.bin file.',
        );
      }
      if (json.size > MAX_JSON_BYTES)
        return refuse(store, 'The .json file is far too big to be a model file.');
      try {
        const text = await json.text();
        const { meta } = parseModelJson(text);
        const bytes = await weights.arrayBuffer();
        const current = store.getState().config;
        const difference = shapeDifference(meta.config, current);
        if (difference) {
          const settings = [
            meta.config.latentDim !== current.latentDim ? `latentDim=${meta.config.latentDim}` : '',
            meta.config.hiddenUnits !== current.hiddenUnits
              ? `hiddenUnits=${meta.config.hiddenUnits}`
              : '',
          ].filter(Boolean);
          setPending({
            json: text,
            weights: bytes,
            config: meta.config,
            question: `${difference} Load it with ${settings.join(' and ')}?`,
          });
          return;
        }
        send({ type: 'importModel', json: text, weights: bytes });
      } catch (error) {
        refuse(
          store,
          error instanceof ModelFileError ? error.message : 'The files could not be read.',
        );
      }
    },
    confirmImport() {
      const pending = store.getState().reliability.pendingImport;
      if (!pending) return;
      setPending(null);
      send({ type: 'importModel', json: pending.json, weights: pending.weights });
    },
    cancelImport: () => {
      setPending(null);
      setModels(store, { message: 'Import cancelled. Nothing was changed.', error: false });
    },
  };
}
