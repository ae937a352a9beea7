/** What issue 7's panels show, read off the page state. */
import type { CompareRow } from './CompareRuns';
import type { ComparedRun } from '../lossChart/compareSeries';
import type { PretrainedView } from './RunOptions';
import { SETTING_KEYS, type SettingKey } from '../../shared/settings';
import type { AppState } from '../store/appState';
import { cannotContinue } from './lab';
import type { RunRecord } from './runRecords';
import type { ModelKind } from '../../shared/config';
import { sameLossScale, type LossKind } from './lossWords';

export const isRunActive = (state: AppState) =>
  state.runState === 'running' || state.runState === 'paused';

/** The rebuilds on screen: the timeline picture the scrubber points at, else the latest. */
export function shownReconstruction(state: AppState): AppState['reconstruction'] {
  const { timeline, timelineIndex } = state.lab;
  const frame = timelineIndex === null ? undefined : timeline[timelineIndex];
  // A denoising run's frame keeps the damaged probes it rebuilt (RunFrame).
  return frame
    ? { pixels: frame.pixels, step: frame.step, inputs: frame.inputs }
    : state.reconstruction;
}

/** The kind of model whose numbers are on screen: the run's, else the next run's. */
export function shownKind(state: AppState): LossKind {
  const { model, beta } = state.lab.run?.config ?? state.config;
  return { model, beta };
}

/**
 * Earlier finished runs (not the one drawn in full), as faint lines: only those whose loss is
 * on the same scale as `model`'s (see sameLossScale).
 */
export function comparedRuns(
  runs: readonly RunRecord[],
  currentRunId: number,
  model: ModelKind,
): ComparedRun[] {
  return runs
    .filter((run) => run.id !== currentRunId && sameLossScale(run.config.model, model))
    .map(({ id, label, losses }) => ({ id, label, losses }));
}

/** How many earlier runs comparedRuns leaves off for their scale. */
export function otherScaleRuns(
  runs: readonly RunRecord[],
  currentRunId: number,
  model: ModelKind,
): number {
  return runs.filter((run) => run.id !== currentRunId && !sameLossScale(run.config.model, model))
    .length;
}

export function compareRows(state: AppState): CompareRow[] {
  return state.lab.runs.map((run) => ({
    ...run.config,
    id: run.id,
    label: run.label,
    startedFrom: run.startedFrom,
    finalTrainLoss: run.finalTrainLoss,
    finalValLoss: run.finalValLoss,
    timeMs: run.timeMs,
    backend: run.backend,
    ending: run.ending,
    current: run.id === state.runId,
  }));
}

/** Settings that differ from the run in progress (they wait for the next run). */
export function differsFromRun(state: AppState): SettingKey[] {
  const run = state.lab.run;
  if (!run) return [];
  return SETTING_KEYS.filter((key) => String(run.config[key]) !== state.lab.draft[key].trim());
}

export function pretrainedView(state: AppState): PretrainedView {
  const p = state.lab.pretrained;
  if (p.status !== 'loaded') return p;
  return {
    status: 'loaded',
    fileValLoss: p.info.valLoss,
    measuredValLoss: p.measuredValLoss,
    checking: p.checking,
  };
}

/** Why Train cannot start with these settings, or null. */
export function trainBlocked(state: AppState): string | null {
  if (Object.keys(state.lab.errors).length > 0) return 'fix the settings marked in red first';
  if (state.lab.startFrom === 'current') return cannotContinue(state);
  return null;
}

export function timelineSteps(state: AppState): number[] {
  return state.lab.timeline.map((frame) => frame.step);
}
