/**
 * Finished runs kept for comparison: what each was (config, where its weights came from), how it
 * ended (final losses, time, backend), its loss history for a faint line on the chart, and its
 * timeline pictures. Pure functions over plain data.
 */
import { DEFAULT_CONFIG, type TrainingConfig } from '../../shared/config';
import type { TimelineFrame } from '../../shared/pretrained';
import type { LossPoint } from '../../shared/protocol';
import { describeDifferences, uniqueLabel } from '../../shared/runLabel';

/** At most this many finished runs stay; the oldest goes first. */
export const MAX_RUNS = 8;

export interface EpochResult {
  epoch: number;
  trainLoss: number;
  valLoss: number;
}

export interface RunRecord {
  id: number;
  label: string;
  config: TrainingConfig;
  /** The label of the weights this run started from, or null for fresh weights. */
  startedFrom: string | null;
  losses: LossPoint[];
  epochSummaries: EpochResult[];
  finalTrainLoss: number | null;
  finalValLoss: number | null;
  timeMs: number;
  /** Where the maths ran, in words ("wasm", "wasm in Node"). */
  backend: string;
  ending: 'done' | 'stopped';
  timeline: TimelineFrame[];
}

/** What the weights a run starts from are, for "Train more" and for labels. */
export interface WeightsOrigin {
  config: TrainingConfig;
  /** Steps these weights have been trained for. */
  steps: number;
  label: string;
}

/** The label of a new run: what differs from the notebook, or what it continued from. */
export function runLabel(config: TrainingConfig, from: WeightsOrigin | null): string {
  if (from === null) return describeDifferences(config);
  const more = `${config.epochs} more ${config.epochs === 1 ? 'epoch' : 'epochs'}`;
  const rest = describeDifferences({ ...config, epochs: DEFAULT_CONFIG.epochs });
  return `${from.label} + ${more}${rest === 'notebook defaults' ? '' : `, ${rest}`}`;
}

/** Adds (or replaces, by id) a finished run; labels stay unique, the list stays short. */
export function keepRun(runs: readonly RunRecord[], record: RunRecord): RunRecord[] {
  const others = runs.filter((r) => r.id !== record.id);
  const label = uniqueLabel(
    record.label,
    others.map((r) => r.label),
  );
  return [...others, { ...record, label }].slice(-MAX_RUNS);
}

/** Keeps only the run the page is showing (if it is finished): "Clear earlier runs". */
export function clearEarlierRuns(runs: readonly RunRecord[], currentId: number): RunRecord[] {
  return runs.filter((r) => r.id === currentId);
}

/** The final losses of a run: its last epoch's, or its last batch's if no epoch ended. */
export function finalLosses(
  losses: readonly LossPoint[],
  epochs: readonly EpochResult[],
): { train: number | null; val: number | null } {
  const last = epochs.at(-1);
  if (last) return { train: last.trainLoss, val: last.valLoss };
  return { train: losses.at(-1)?.loss ?? null, val: null };
}
