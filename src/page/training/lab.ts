/**
 * The page's side of issue 7: the settings panel's draft, the training timeline, finished runs
 * kept for comparison, slow motion, and the pretrained model. Pure, like appState.ts: `reduce`
 * runs appState's reducer and then follows what this part of the page needs from the message.
 */
import {
  DEFAULT_CONFIG,
  MODEL_CHOICES,
  effectiveLatentActivation,
  settingApplies,
  type TrainingConfig,
} from '../../shared/config';
import type { FromWorker } from '../../shared/protocol';
import {
  SETTING_KEYS,
  draftFromConfig,
  validateDraft,
  type SettingsDraft,
} from '../../shared/settings';
import { beginRun, type AppState } from '../store/appState';
import { applyWorkerMessage } from '../store/workerMessage';
import type { LabState } from './labState';
import { finalLosses, keepRun, runLabel, type RunRecord } from './runRecords';

const withLab = (state: AppState, lab: Partial<LabState>): AppState => ({
  ...state,
  lab: { ...state.lab, ...lab },
});

/**
 * Fields the chosen kind of model does not read are hidden (issue 25): a mistake left in one
 * must not block Train unseen, so it goes back to the last valid value.
 */
function settleHidden(draft: SettingsDraft, config: TrainingConfig): SettingsDraft {
  const model = MODEL_CHOICES.find((m) => m === draft.model.trim());
  if (!model) return draft;
  const { errors } = validateDraft(draft, config);
  const settled = { ...draft };
  for (const key of SETTING_KEYS) {
    if (errors[key] && !settingApplies(key, model)) settled[key] = String(config[key]);
  }
  return settled;
}

/** A settings field changed: the next run's config follows whenever every field is valid. */
export function editSetting(state: AppState, typed: SettingsDraft): AppState {
  const draft = settleHidden(typed, state.config);
  const { config, errors } = validateDraft(draft, state.config);
  return { ...withLab(state, { draft, errors }), config: config ?? state.config };
}

/** A run begins (Train or Step): new timeline, and it is named by what it is. */
export function startLabRun(state: AppState, runId: number, paused: boolean): AppState {
  const from = state.lab.startFrom === 'current' ? state.lab.weights : null;
  const config = state.config;
  return withLab(beginRun(state, runId, paused ? 'paused' : 'running'), {
    run: { label: runLabel(config, from), config, from },
    timeline: [],
    timelineIndex: null,
  });
}

/** Reset: fresh weights from the settings; nothing to continue from, no timeline. */
export function resetLab(state: AppState): AppState {
  return withLab(state, {
    weights: null,
    run: null,
    timeline: [],
    timelineIndex: null,
    startFrom: 'fresh',
  });
}

function archive(state: AppState, ending: 'done' | 'stopped'): AppState {
  const run = state.lab.run;
  if (!run || state.losses.length === 0) return state;
  const final = finalLosses(state.losses, state.epochSummaries);
  const record: RunRecord = {
    id: state.runId,
    label: run.label,
    config: run.config,
    startedFrom: run.from?.label ?? null,
    losses: state.losses,
    epochSummaries: state.epochSummaries,
    finalTrainLoss: final.train,
    finalValLoss: final.val,
    timeMs: state.progress?.elapsedMs ?? 0,
    backend: state.backend?.name ?? 'unknown',
    ending,
    timeline: state.lab.timeline,
  };
  const steps = (run.from?.steps ?? 0) + (state.progress?.step ?? 0);
  const runs = keepRun(state.lab.runs, record);
  const label = runs.at(-1)?.label ?? run.label;
  return withLab(state, {
    runs,
    run: { ...run, label },
    weights: { config: run.config, steps, label },
  });
}

function loadedPretrained(
  state: AppState,
  message: Extract<FromWorker, { type: 'pretrainedLoaded' }>,
): AppState {
  const { info, history, frames } = message;
  const config: TrainingConfig = { ...info.config, backend: state.config.backend };
  const last = history.epochs.at(-1);
  const next: AppState = {
    ...beginRun(state, state.runId, 'done'),
    losses: history.losses,
    epochSummaries: history.epochs,
    progress: {
      epoch: info.config.epochs,
      epochs: info.config.epochs,
      step: info.totalSteps,
      stepsPerEpoch: info.stepsPerEpoch,
      totalSteps: info.totalSteps,
      samplesPerSecond: (info.config.trainSize * info.config.epochs * 1000) / info.trainMs,
      elapsedMs: info.trainMs,
    },
  };
  const record: RunRecord = {
    id: state.runId,
    label: 'pretrained',
    config,
    startedFrom: null,
    losses: history.losses,
    epochSummaries: history.epochs,
    finalTrainLoss: last?.trainLoss ?? null,
    finalValLoss: last?.valLoss ?? info.valLoss,
    timeMs: info.trainMs,
    backend: `${info.backend} in Node`,
    ending: 'done',
    timeline: frames,
  };
  const runs = keepRun(state.lab.runs, record);
  return withLab(next, {
    runs,
    weights: { config, steps: info.totalSteps, label: runs.at(-1)?.label ?? 'pretrained' },
    run: { label: record.label, config, from: null },
    timeline: frames,
    timelineIndex: null,
    // Loading a model to train it further is the point: Train now keeps these weights.
    startFrom: 'current',
    pretrained: { status: 'loaded', info, measuredValLoss: null, checking: true },
  });
}

/** What issue 7's part of the page takes from a worker message (after appState's reducer). */
function follow(state: AppState, message: FromWorker): AppState {
  switch (message.type) {
    case 'reconstructions': {
      if (!message.timeline || message.runId === null || message.runId !== state.runId)
        return state;
      const { step, pixels, inputs } = message;
      const frame = inputs ? { step, pixels, inputs } : { step, pixels };
      const timeline = state.lab.timeline.filter((f) => f.step !== message.step).concat(frame);
      return withLab(state, { timeline });
    }
    case 'runState':
      if (message.runId !== state.runId) return state;
      if (message.state === 'done' || message.state === 'stopped') {
        return archive(state, message.state);
      }
      return state;
    case 'pretrainedLoaded':
      return message.runId === state.runId ? loadedPretrained(state, message) : state;
    case 'pretrainedChecked': {
      const current = state.lab.pretrained;
      if (message.runId !== state.runId || current.status !== 'loaded') return state;
      const pretrained = { ...current, measuredValLoss: message.valLoss, checking: false };
      return withLab(state, { pretrained });
    }
    case 'pretrainedError':
      if (message.runId !== state.runId) return state;
      return withLab(
        { ...state, runState: 'idle' },
        { pretrained: { status: 'error', message: message.message } },
      );
    case 'modelLoaded': {
      // A saved model (issue 9) replaced the weights and the config: follow both.
      const origin = { config: state.config, steps: message.meta.step, label: message.meta.name };
      return withLab(state, {
        draft: draftFromConfig(state.config),
        errors: {},
        weights: origin,
        run: null,
        timeline: [],
        timelineIndex: null,
      });
    }
    default:
      return state;
  }
}

/** The page's reducer for worker messages: appState's, then this part's. */
export function reduce(state: AppState, message: FromWorker): AppState {
  return follow(applyWorkerMessage(state, message), message);
}

/** Why "keep training these weights" is not possible now, or null when it is. */
export function cannotContinue(state: AppState): string | null {
  const weights = state.lab.weights;
  if (!weights || weights.steps === 0) return 'there are no trained weights yet';
  const a = weights.config;
  const b = state.config;
  // A standard network may go on as a denoising one and back (same layers); a VAE has a head more.
  if ((a.model === 'vae') !== (b.model === 'vae')) {
    return a.model === 'vae'
      ? 'these weights belong to a variational autoencoder; pick that kind of model to train them further'
      : 'these weights have no variance head; pick a standard or denoising model to train them further';
  }
  if (
    a.latentDim !== b.latentDim ||
    a.hiddenUnits !== b.hiddenUnits ||
    effectiveLatentActivation(a) !== effectiveLatentActivation(b)
  ) {
    return `these weights have latent size ${a.latentDim}, ${a.hiddenUnits} hidden units and a ${a.latentActivation} code; set those to train them further`;
  }
  return null;
}

export const DEFAULT_DRAFT = draftFromConfig(DEFAULT_CONFIG);
