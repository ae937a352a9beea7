/**
 * Chapter 4, models and data: the network's layers, saving and sharing it, the same run in
 * Keras, and the digits it learns from with their check. Loaded when first opened.
 */
import type { AppState } from '../store/appState';
import type { Controller } from '../store/controller';
import { datasetExplainer, modelExplainer } from '../training/explanations';
import { DataCheck } from './DataCheck';
import { DatasetPanel } from './DatasetPanel';
import { KerasCodePanel } from './KerasCodePanel';
import { ModelSummaryPanel } from './ModelSummaryPanel';
import { SavedModelsSection } from './SavedModelsSection';

export interface ModelsChapterProps {
  state: AppState;
  controller: Controller;
}

export function ModelsChapter({ state, controller }: ModelsChapterProps) {
  const ready = state.data.status === 'ready' ? state.data.data : null;
  return (
    <div className="ll-models-chapter">
      <div className="ll-models-chapter__column">
        {state.summary && (
          <ModelSummaryPanel
            summary={state.summary}
            explainer={modelExplainer(
              state.summary.totalParams,
              state.summary.latentDim,
              // The layers say it: only a VAE has the log-variance head.
              state.summary.layers.some((layer) => layer.name === 'latent_log_var') ? 'vae' : 'ae',
            )}
          />
        )}
        {ready && <SavedModelsSection state={state} controller={controller} />}
        <KerasCodePanel
          config={state.config}
          draftHasErrors={Object.values(state.lab.errors).some(Boolean)}
        />
      </div>
      <div className="ll-models-chapter__column">
        {ready && (
          <DatasetPanel
            trainCount={ready.trainCount}
            testCount={ready.testCount}
            samples={ready.samples}
            credit={ready.credit}
            explainer={datasetExplainer(ready.trainCount, ready.testCount)}
          />
        )}
        {ready && <DataCheck data={ready} />}
      </div>
    </div>
  );
}
