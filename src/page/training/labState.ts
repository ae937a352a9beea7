/**
 * The shape of issue 7's part of the page state (settings draft, timeline, compared runs, slow
 * motion, pretrained model) and its starting value. The reducers are in lab.ts.
 */
import type { TrainingConfig } from '../../shared/config';
import type { PretrainedInfo, TimelineFrame } from '../../shared/pretrained';
import { draftFromConfig, type SettingErrors, type SettingsDraft } from '../../shared/settings';
import type { RunRecord, WeightsOrigin } from './runRecords';

/** A timeline picture; a denoising run's also keeps the damaged probes that were rebuilt. */
export type RunFrame = TimelineFrame & { inputs?: Float32Array };

export type PretrainedStatus =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'loaded'; info: PretrainedInfo; measuredValLoss: number | null; checking: boolean }
  | { status: 'error'; message: string };

export interface LabState {
  /** The settings panel, as typed; `errors` says what is wrong with it. */
  draft: SettingsDraft;
  errors: SettingErrors;
  /** Whether Train starts from fresh weights or keeps training the current ones. */
  startFrom: 'fresh' | 'current';
  /** The network the worker holds now; null = fresh, untrained weights. */
  weights: WeightsOrigin | null;
  /** The run being followed: its label, config and the weights it started from. */
  run: { label: string; config: TrainingConfig; from: WeightsOrigin | null } | null;
  /** The current run's kept pictures, and which one the scrubber shows (null = the latest). */
  timeline: RunFrame[];
  timelineIndex: number | null;
  /** Finished runs, oldest first. */
  runs: RunRecord[];
  /** Slow motion: steps per second, null = full speed. */
  speed: number | null;
  pretrained: PretrainedStatus;
}

export function initialLab(config: TrainingConfig): LabState {
  return {
    draft: draftFromConfig(config),
    errors: {},
    startFrom: 'fresh',
    weights: null,
    run: null,
    timeline: [],
    timelineIndex: null,
    runs: [],
    speed: null,
    pretrained: { status: 'none' },
  };
}
