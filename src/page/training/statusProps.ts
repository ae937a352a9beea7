import type { StatusPanelProps } from './StatusPanel';
import type { AppState } from '../store/appState';
import { shownKind } from './labProps';

/** What the status region shows, read off the page state. */
export function toStatusProps(state: AppState): StatusPanelProps {
  const { progress, config } = state;
  const lastEpoch = state.epochSummaries.at(-1) ?? null;
  const lastBatch = state.losses.at(-1) ?? null;
  const totalSteps =
    progress?.totalSteps ?? Math.ceil(config.trainSize / config.batchSize) * config.epochs;
  return {
    state: state.runState,
    dataReady: state.data.status === 'ready' && state.summary !== null,
    epoch: progress?.epoch ?? 0,
    epochs: progress?.epochs ?? config.epochs,
    step: progress?.step ?? 0,
    totalSteps,
    trainLoss: lastBatch?.loss ?? null,
    valLoss: lastEpoch?.valLoss ?? null,
    valEpoch: lastEpoch?.epoch ?? null,
    kind: shownKind(state),
    trainParts: lastBatch?.parts ?? null,
    valParts: lastEpoch?.valParts ?? null,
    samplesPerSecond: progress?.samplesPerSecond ?? null,
    elapsedMs: progress?.elapsedMs ?? 0,
  };
}
