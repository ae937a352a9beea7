/** What issue 7's panels show, read off the page state. */
import type { CompareRow } from './CompareRuns';
import type { ComparedRun } from '../lossChart/compareSeries';
import type { PretrainedView } from './RunOptions';
import { SETTING_KEYS, type SettingKey } from '../../shared/settings';
import type { AppState } from '../store/appState';
import { cannotContinue } from './lab';
import type { RunRecord } from './runRecords';

export const isRunActive = (state: AppState) =>
  state.runState === 'running' || state.runState === 'paused';

/** The rebuilds on screen: the timeline picture the scrubber points at, else the latest. */
export function shownReconstruction(state: AppState): AppState['reconstruction'] {
  const { timeline, timelineIndex } = state.lab;
  const frame = timelineIndex === null ? undefined : timeline[timelineIndex];
  return frame ? { pixels: frame.pixels, step: frame.step } : state.reconstruction;
}

/** Earlier finished runs (not the one drawn in full), as faint lines. */
export function comparedRuns(runs: readonly RunRecord[], currentRunId: number): ComparedRun[] {
  return runs
    .filter((run) => run.id !== currentRunId)
    .map(({ id, label, losses }) => ({ id, label, losses }));
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
