/**
 * Chapter 1, train and watch: the loss chart beside the originals and their rebuilds (the
 * live view a class watches, all on the first screen of a laptop), then where Train starts
 * from, slow motion, the pretrained network, where the maths runs, and the finished runs.
 */
import { useMemo } from 'react';
import type { AppState } from '../store/appState';
import type { Controller } from '../store/controller';
import { cannotContinue } from './lab';
import { LossChart } from '../lossChart/LossChart';
import { LossTable } from '../lossChart/LossTable';
import { BackendStatus } from './BackendStatus';
import { CompareRuns } from './CompareRuns';
import { Reconstructions } from './Reconstructions';
import { RunOptions } from './RunOptions';
import { TimelineScrubber } from './TimelineScrubber';
import { lossExplainer, reconstructionsExplainer, trainingExplainer } from './explanations';
import {
  compareRows,
  comparedRuns,
  isRunActive,
  otherScaleRuns,
  pretrainedView,
  shownKind,
  shownReconstruction,
  timelineSteps,
} from './labProps';

export interface TrainChapterProps {
  state: AppState;
  controller: Controller;
  /** Presenter mode: the chart then reads its projector sizes when it mounts. */
  presenter: boolean;
  lossTable: boolean;
  onLossTable(shown: boolean): void;
}

export function TrainChapter(props: TrainChapterProps) {
  const { state, controller, presenter, lossTable, onLossTable } = props;
  const { lab } = state;
  const ready = state.data.status === 'ready' ? state.data.data : null;
  const active = isRunActive(state);
  const lastVal = state.epochSummaries.at(-1)?.valLoss ?? null;
  const kind = shownKind(state);
  const { model } = kind;
  // Memoised: a new array would make the chart rebuild its datasets on every render.
  const compared = useMemo(
    () => comparedRuns(lab.runs, state.runId, model),
    [lab.runs, state.runId, model],
  );
  const vae = model === 'vae';

  return (
    <div className="ll-train">
      <div className="ll-train__chart">
        <LossChart
          key={presenter ? 'presenter' : 'normal'}
          dataReady={ready !== null}
          losses={state.losses}
          epochSummaries={state.epochSummaries}
          epochs={state.progress?.epochs ?? state.config.epochs}
          compared={compared}
          currentLabel={lab.run?.label ?? null}
          parts={vae}
          otherScaleRuns={otherScaleRuns(lab.runs, state.runId, model)}
          explainer={lossExplainer(lastVal, lab.run?.config ?? state.config)}
          table={
            <LossTable
              shown={lossTable}
              onShown={onLossTable}
              losses={state.losses}
              epochSummaries={state.epochSummaries}
              parts={vae}
            />
          }
        />
      </div>
      <div className="ll-train__side">
        {ready ? (
          <Reconstructions
            probes={ready.probes}
            reconstruction={shownReconstruction(state)}
            denoising={model === 'denoising'}
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
              model,
            )}
          />
        ) : (
          <div className="ll-panel ll-recon ll-recon--waiting" aria-hidden="true" />
        )}
        <section className="ll-panel ll-runpanel" aria-label="How the run starts">
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
          <BackendStatus backend={state.backend} backendChoice={state.config.backend} />
          {trainingExplainer(state.config, state.summary?.totalParams ?? null)}
        </section>
      </div>
      <div className="ll-train__more">
        <CompareRuns rows={compareRows(state)} onClear={controller.lab.clearRuns} />
      </div>
    </div>
  );
}
