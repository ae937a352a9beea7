/**
 * The page's side of issue 9: saved models, the offline cache, and faults the page must explain
 * (a diverged run, a crashed worker, a lost GPU): how their messages change the page's state.
 * Pure, like workerMessage.ts, which delegates here. The state's shape is reliabilityState.ts.
 */
import type { FromWorker } from '../../shared/protocol';
import { stepsPerEpoch } from '../../shared/config';
import type { AppState } from './appState';
import type { ModelsState } from './reliabilityState';
import { formatLoss as lossText } from '../ui/format';

export type ReliabilityMessage = Extract<
  FromWorker,
  {
    type: 'savedModels' | 'modelSaved' | 'modelLoaded' | 'modelError' | 'modelExport' | 'runRewind';
  }
>;

const withModels = (state: AppState, models: Partial<ModelsState>): AppState => ({
  ...state,
  reliability: {
    ...state.reliability,
    models: { ...state.reliability.models, storageFull: false, ...models },
  },
});

function formatLoss(loss: number | null): string {
  // lossText: a VAE's summed loss reads 237.3, not 237.3456 (issue 25).
  return loss === null ? 'no validation loss yet' : `validation loss ${lossText(loss)}`;
}

export function applyReliabilityMessage(state: AppState, message: ReliabilityMessage): AppState {
  switch (message.type) {
    case 'savedModels':
      return withModels(state, { list: message.models });
    case 'modelSaved':
      return withModels(state, {
        message: `Saved “${message.info.name}” in this browser (${formatLoss(message.info.valLoss)}).`,
        error: false,
      });
    case 'modelError':
      return withModels(state, {
        message: message.message,
        error: true,
        storageFull: message.storageFull,
      });
    case 'modelExport':
      // The controller turns the files into downloads; nothing to keep here.
      return withModels(state, { message: 'Exported the model as two files.', error: false });
    case 'modelLoaded': {
      const { meta, history } = message;
      const config = { ...meta.config, backend: state.config.backend };
      const steps = stepsPerEpoch(config);
      const where = message.source === 'browser' ? 'from this browser' : 'from the files';
      const next = withModels(state, {
        message: `Loaded “${meta.name}” ${where}: ${meta.step} steps, ${formatLoss(meta.valLoss)}.`,
        error: false,
      });
      return {
        ...next,
        config,
        runState: 'idle',
        losses: history.losses,
        epochSummaries: history.epochSummaries,
        progress: {
          epoch: Math.min(config.epochs, Math.max(1, Math.ceil(meta.step / steps))),
          epochs: config.epochs,
          step: meta.step,
          stepsPerEpoch: steps,
          totalSteps: steps * config.epochs,
          samplesPerSecond: 0,
          elapsedMs: 0,
        },
        reconstruction: state.reconstruction && { ...state.reconstruction, step: meta.step },
        runError: null,
        reliability: { ...next.reliability, runErrorKind: null, pendingImport: null },
      };
    }
    case 'runRewind': {
      if (message.runId !== state.runId) return state;
      // Steps after the checkpoint are trained again; their old points (some may have been read
      // from a dying GPU) make way for the new ones, so the curve has no gap and no doubles.
      return {
        ...state,
        losses: state.losses.filter((p) => p.step <= message.step),
        reliability: { ...state.reliability, notice: message.message },
      };
    }
  }
}

/** A crash of the worker: the run ends, but the chart, the pictures and the codes stay. */
export function workerCrashed(state: AppState, reason: string): AppState {
  const active = state.runState === 'running' || state.runState === 'paused';
  return {
    ...state,
    runState: active ? 'stopped' : state.runState,
    runError: `The training worker stopped unexpectedly (${reason}). The chart and the pictures are kept. Restart it to train again; the digits load again from the cache.`,
    reliability: { ...state.reliability, runErrorKind: 'crashed' },
  };
}
