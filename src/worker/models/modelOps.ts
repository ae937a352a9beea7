/**
 * The worker's half of "Saved models": save to the browser, list, load, delete, export, import.
 * Every load is checked in full (shape, size, checksum, finite numbers) on a model of its own
 * config before the current trainer is replaced, so a bad file changes nothing.
 */
import type { TrainingConfig } from '../../shared/config';
import type { FromWorker, ToWorker } from '../../shared/protocol';
import { ModelFileError, type ModelHistory, type ParsedModelFile } from '../../shared/savedModel';
import { applyWeights, checkModelFiles, serializeModel } from './modelFiles';
import { StorageFullError, type ModelStore } from './modelStore';
import type { Trainer } from '../training/trainer';

export type ModelMessage = Extract<
  ToWorker,
  { type: 'saveModel' | 'listModels' | 'loadModel' | 'deleteModel' | 'exportModel' | 'importModel' }
>;

export const MODEL_MESSAGES: ReadonlySet<string> = new Set<ModelMessage['type']>([
  'saveModel',
  'listModels',
  'loadModel',
  'deleteModel',
  'exportModel',
  'importModel',
]);

export interface ModelOpsDeps {
  send(message: FromWorker): void;
  store(): ModelStore;
  /** The trainer whose model is saved, and the config it was built with. */
  current(): { trainer: Trainer; config: TrainingConfig } | null;
  /** Builds a fresh trainer for `config` (not yet shown to the page). */
  build(config: TrainingConfig): Trainer;
  /** Makes a built trainer the current one and shows its views. */
  adopt(trainer: Trainer, config: TrainingConfig): Promise<void>;
}

const WEIGHTS_FILE = 'latent-lab-model.weights.bin';
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function isBusy(trainer: Trainer): boolean {
  return trainer.runState === 'running' || trainer.runState === 'paused';
}

export function createModelOps(deps: ModelOpsDeps): (message: ModelMessage) => Promise<void> {
  const { send } = deps;
  const refuse = (message: string, storageFull = false) =>
    send({ type: 'modelError', message, storageFull });

  const serializeCurrent = async (name: string, history: ModelHistory) => {
    const current = deps.current();
    if (!current) return null;
    return serializeModel(current.trainer.network, {
      name,
      config: current.config,
      step: current.trainer.globalStep,
      history,
      weightsFile: WEIGHTS_FILE,
    });
  };

  /** Checks, builds and swaps in; the old trainer stays until the new one is complete. */
  const load = async (json: string, weights: ArrayBuffer, source: 'browser' | 'file') => {
    const current = deps.current();
    if (current && isBusy(current.trainer)) {
      return refuse('Stop the training run before loading a model.');
    }
    let parsed: ParsedModelFile;
    let trainer: Trainer | null = null;
    try {
      parsed = await checkModelFiles(json, weights);
      // The saved backend choice is about the machine it was saved on, not the model.
      const config = { ...parsed.meta.config, backend: current?.config.backend ?? 'auto' };
      trainer = deps.build(config);
      applyWeights(trainer.network, parsed, weights);
      await deps.adopt(trainer, config);
      send({ type: 'modelLoaded', meta: parsed.meta, history: parsed.history, source });
    } catch (error) {
      trainer?.dispose();
      const why = error instanceof ModelFileError ? error.message : `(${errorText(error)})`;
      refuse(`This model could not be loaded. ${why} Nothing was changed.`);
    }
  };

  const list = async () => send({ type: 'savedModels', models: await deps.store().list() });

  const handle = async (message: ModelMessage) => {
    switch (message.type) {
      case 'listModels':
        return list();
      case 'saveModel': {
        const files = await serializeCurrent(message.name.slice(0, 80), message.history);
        if (!files) return refuse('There is no model to save yet.');
        try {
          send({ type: 'modelSaved', info: await deps.store().save(files) });
        } catch (error) {
          if (error instanceof StorageFullError) {
            return refuse(
              'The browser has no room left to save this model. Use Export to save it as files instead.',
              true,
            );
          }
          throw error;
        }
        return list();
      }
      case 'deleteModel':
        await deps.store().remove(message.id);
        return list();
      case 'loadModel': {
        const stored = await deps.store().read(message.id);
        if (!stored) return refuse('That saved model is gone (deleted in another tab?).');
        return load(stored.json, stored.weights, 'browser');
      }
      case 'exportModel': {
        const files = await serializeCurrent('Exported model', message.history);
        if (!files) return refuse('There is no model to export yet.');
        send({
          type: 'modelExport',
          fileBase: 'latent-lab-model',
          json: files.json,
          weights: files.weights,
        });
        return;
      }
      case 'importModel':
        return load(message.json, message.weights, 'file');
    }
  };

  return async (message) => {
    try {
      await handle(message);
    } catch (error) {
      refuse(`Saved models: something went wrong (${errorText(error)}). Nothing was changed.`);
    }
  };
}
