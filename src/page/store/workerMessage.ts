/**
 * How each worker message changes what the page knows (appState.ts). Pure: no DOM, no React,
 * so the reducer can be tested on its own.
 */
import type { FromWorker } from '../../shared/protocol';
import type { AppState } from './appState';
import { applyReliabilityMessage } from './reliability';

function isStale(state: AppState, runId: number | null): boolean {
  return runId !== null && runId !== state.runId;
}

export function applyWorkerMessage(state: AppState, message: FromWorker): AppState {
  switch (message.type) {
    case 'dataProgress': {
      const { type: _type, ...progress } = message;
      return { ...state, data: { status: 'loading', progress } };
    }
    case 'dataReady': {
      const { type: _type, ...data } = message;
      return { ...state, data: { status: 'ready', data } };
    }
    case 'testSet':
      return { ...state, testSet: message.test };
    case 'dataError': {
      const { type: _type, ...error } = message;
      return { ...state, data: { status: 'error', ...error } };
    }
    case 'backend': {
      const { name, reason, probe = null, threads, threadsReason } = message;
      return { ...state, backend: { name, reason, probe, threads, threadsReason } };
    }
    // Measurements for npm run bench: read from the message stream, not shown.
    case 'benchmarkResult':
    case 'diagnostics':
      return state;
    case 'modelSummary':
      return { ...state, summary: message.summary };
    case 'runState':
      if (isStale(state, message.runId)) return state;
      return { ...state, runState: message.state };
    case 'progress': {
      if (isStale(state, message.runId)) return state;
      const { type: _type, runId: _runId, losses, ...progress } = message;
      // Appending creates a new array so React sees the change; the chart only reads the tail.
      return {
        ...state,
        progress,
        losses: losses.length ? state.losses.concat(losses) : state.losses,
      };
    }
    case 'epochEnd': {
      if (isStale(state, message.runId)) return state;
      const { type: _type, runId: _runId, ...summary } = message;
      return { ...state, epochSummaries: [...state.epochSummaries, summary] };
    }
    case 'reconstructions':
      if (isStale(state, message.runId)) return state;
      return {
        ...state,
        reconstruction: { pixels: message.pixels, step: message.step, inputs: message.inputs },
      };
    case 'latentCodes': {
      // Kept across runs (the views stay up); the view says which run and step they are from.
      if (isStale(state, message.runId)) return state;
      // Codes outside any run are the untrained network's, encoded at start-up or after Reset;
      // on a busy machine they can land after Train was pressed, where they would stand in for
      // the run's own (which come with its id).
      const running = state.runState === 'running' || state.runState === 'paused';
      if (message.runId === null && running) return state;
      const { type: _type, ...latent } = message;
      return { ...state, latent };
    }
    case 'testReconstructions': {
      const current = state.testReconstruction;
      if (current && message.requestId < current.requestId) return state;
      const { type: _type, ...rebuilt } = message;
      return { ...state, testReconstruction: rebuilt };
    }
    case 'workerError':
      return {
        ...state,
        runError: message.message,
        reliability: { ...state.reliability, runErrorKind: message.kind ?? null },
      };
    case 'savedModels':
    case 'modelSaved':
    case 'modelLoaded':
    case 'modelError':
    case 'modelExport':
    case 'runRewind':
      return applyReliabilityMessage(state, message);
    // The pretrained model's messages only concern issue 7's state: see lab.ts (reduce).
    case 'pretrainedLoaded':
    case 'pretrainedChecked':
    case 'pretrainedError':
      return state;
    // The latent playground's answers (issue 5) live in its own store: see state/playground.ts.
    case 'decodedImages':
    case 'encodedImages':
    case 'latentMap':
      return state;
  }
}
