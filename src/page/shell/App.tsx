import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import type { AppState } from '../store/appState';
import type { Controller } from '../store/controller';
import { useStore, type Store } from '../store/store';
import { ConfigProblems } from './ConfigProblems';
import { Controls } from '../training/Controls';
import { DataErrorPanel } from './DataErrorPanel';
import { DatasetPanel } from '../models/DatasetPanel';
import { Intro } from './Intro';
import { LossChart } from '../lossChart/LossChart';
import { ModelSummaryPanel } from '../models/ModelSummaryPanel';
import { KerasCodePanel } from '../models/KerasCodePanel';
import { Reconstructions } from '../training/Reconstructions';
import { StatusPanel } from '../training/StatusPanel';
import { DataCheck } from '../models/DataCheck';
import { DataLoading } from './DataLoading';
import { createPageSelector } from './pageSelector';
import { RunBanners } from './RunBanners';
import { SavedModelsSection } from '../models/SavedModelsSection';
import { toStatusProps } from '../training/statusProps';
import { CompareRuns } from '../training/CompareRuns';
import { RunOptions } from '../training/RunOptions';
import { SettingsPanel } from '../training/SettingsPanel';
import { TimelineScrubber } from '../training/TimelineScrubber';
import { LossTable } from '../lossChart/LossTable';
import { Classroom } from '../classroom/Classroom';
import { classroom, setFlag } from '../classroom/classroomStore';
import { cannotContinue } from '../training/lab';
import {
  datasetExplainer,
  lossExplainer,
  modelExplainer,
  reconstructionsExplainer,
  trainingExplainer,
} from '../training/explanations';
import {
  compareRows,
  comparedRuns,
  differsFromRun,
  isRunActive,
  pretrainedView,
  shownReconstruction,
  timelineSteps,
  trainBlocked,
} from '../training/labProps';

export interface AppProps {
  store: Store<AppState>;
  controller: Controller;
}

// Shown only once the data is ready, so they (and the chart.js they share with the loss chart)
// load in their own chunks instead of weighing on the first paint. They are the last things on
// the page: appearing, they push nothing down.
const LatentSection = lazy(() =>
  import('../latent/LatentSection').then((m) => ({ default: m.LatentSection })),
);
const PlaygroundSection = lazy(() =>
  import('../playground/PlaygroundSection').then((m) => ({ default: m.PlaygroundSection })),
);

/** The page: intro and controls on top, training on the left, model and data on the right. */
export function App({ store, controller }: AppProps) {
  // Everything but the download progress, which only the loading panel shows (pageSelector.ts).
  const [selectPage] = useState(createPageSelector);
  const state = useStore(store, selectPage);
  const { data } = state;
  const ready = data.status === 'ready' ? data.data : null;
  const { lab } = state;
  const active = isRunActive(state);
  const blocked = trainBlocked(state);
  const lastVal = state.epochSummaries.at(-1)?.valLoss ?? null;
  // Memoised: a new array would make the chart rebuild its datasets on every render.
  const compared = useMemo(() => comparedRuns(lab.runs, state.runId), [lab.runs, state.runId]);
  const room = useStore(classroom, (s) => s);
  // The latent sections are the biggest render of all: done in a deferred pass, which React
  // splits into short slices, instead of in the same long task as the rest of the page's update.
  // Only once the model is built: they have nothing to show before its codes, and mounting them
  // earlier held up the render that enables Train.
  const showSections = useDeferredValue(ready !== null && state.summary !== null, false);

  return (
    <div className="ll-app">
      <Classroom store={store} controller={controller} />
      <header className="ll-header">
        <Intro latentDim={state.config.latentDim} />
      </header>
      <ConfigProblems problems={state.configProblems} />
      <DataLoading store={store} />
      {data.status === 'error' && (
        <DataErrorPanel error={data} onRetry={data.retryable ? controller.retryData : undefined} />
      )}
      <RunBanners state={state} controller={controller} />
      <main className="ll-main">
        <div className="ll-column ll-column--train">
          <section className="ll-panel ll-run" aria-label="Training">
            <Controls
              dataReady={ready !== null && state.summary !== null && blocked === null}
              state={state.runState}
              onTrain={controller.train}
              onPause={controller.pause}
              onResume={controller.resume}
              onStep={controller.step}
              onStop={controller.stop}
              onReset={controller.reset}
              trainTip={
                lab.startFrom === 'current'
                  ? 'Keep training the current weights (see "Train starts from")'
                  : undefined
              }
            />
            {blocked !== null && !active && ready ? (
              <p className="ll-run__blocked">Train is waiting: {blocked}.</p>
            ) : null}
            <RunOptions
              startFrom={lab.startFrom}
              weightsLabel={lab.weights?.label ?? null}
              continueBlocked={cannotContinue(state)}
              runActive={active}
              dataReady={ready !== null && state.summary !== null}
              speed={lab.speed}
              pretrained={pretrainedView(state)}
              onStartFrom={controller.lab.setStartFrom}
              onSpeed={controller.lab.setSpeed}
              onLoadPretrained={controller.lab.loadPretrained}
            />
            <StatusPanel {...toStatusProps(state)} />
            {trainingExplainer(state.config, state.summary?.totalParams ?? null)}
          </section>
          <LossChart
            // Presenter mode changes the chart's sizes, which it reads once when it mounts.
            key={room.presenter ? 'presenter' : 'normal'}
            dataReady={ready !== null}
            losses={state.losses}
            epochSummaries={state.epochSummaries}
            epochs={state.progress?.epochs ?? state.config.epochs}
            compared={compared}
            currentLabel={lab.run?.label ?? null}
            explainer={lossExplainer(lastVal, lab.run?.config.loss ?? state.config.loss)}
            table={
              <LossTable
                shown={room.lossTable}
                onShown={(shown) => setFlag(classroom, 'lossTable', shown)}
                losses={state.losses}
                epochSummaries={state.epochSummaries}
              />
            }
          />
          {ready && (
            <Reconstructions
              probes={ready.probes}
              reconstruction={shownReconstruction(state)}
              timeline={
                <TimelineScrubber
                  steps={timelineSteps(state)}
                  stepsPerEpoch={state.progress?.stepsPerEpoch ?? null}
                  index={lab.timelineIndex}
                  onScrub={controller.lab.scrubTimeline}
                />
              }
              explainer={reconstructionsExplainer(
                state.summary?.latentDim ?? state.config.latentDim,
              )}
            />
          )}
          <CompareRuns rows={compareRows(state)} onClear={controller.lab.clearRuns} />
        </div>
        <div className="ll-column ll-column--model">
          <SettingsPanel
            draft={lab.draft}
            errors={lab.errors}
            runActive={active}
            differsFromRun={active ? differsFromRun(state) : []}
            onEdit={controller.lab.editSetting}
            onPreset={controller.lab.applyPreset}
          />
          {state.summary && (
            <ModelSummaryPanel
              summary={state.summary}
              explainer={modelExplainer(state.summary.totalParams, state.summary.latentDim)}
            />
          )}
          <KerasCodePanel
            config={state.config}
            draftHasErrors={Object.values(lab.errors).some(Boolean)}
          />
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
          {ready && <SavedModelsSection state={state} controller={controller} />}
        </div>
      </main>
      {ready && showSections && (
        // One boundary: both sections appear together, in page order.
        <Suspense fallback={null}>
          <LatentSection
            key={room.presenter ? 'presenter' : 'normal'}
            store={store}
            controller={controller}
          />
          <PlaygroundSection store={store} controller={controller} />
        </Suspense>
      )}
    </div>
  );
}
