import { OfflineNote } from './OfflineNote';
import { SavedModelsPanel } from './SavedModelsPanel';
import type { AppState } from '../store/appState';
import type { Controller } from '../store/controller';

export interface SavedModelsSectionProps {
  state: AppState;
  controller: Controller;
}

/** Saved models and the offline note, wired to the store and the controller. */
export function SavedModelsSection({ state, controller }: SavedModelsSectionProps) {
  const { models, pendingImport, offline } = state.reliability;
  const workerReady = state.data.status === 'ready' && state.summary !== null;
  const active = state.runState === 'running' || state.runState === 'paused';
  const actions = controller.models;
  return (
    <>
      <SavedModelsPanel
        models={models.list}
        message={models.message}
        error={models.error}
        storageFull={models.storageFull}
        question={pendingImport?.question ?? null}
        canSave={workerReady && state.runState !== 'running'}
        canLoad={workerReady && !active}
        onSave={actions.save}
        onLoad={actions.load}
        onDelete={actions.remove}
        onExport={actions.exportFiles}
        onImport={(files) => void actions.importFiles(files)}
        onConfirmImport={actions.confirmImport}
        onCancelImport={actions.cancelImport}
      />
      <OfflineNote offline={offline} />
    </>
  );
}
