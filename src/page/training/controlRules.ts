import type { RunState } from '../../shared/protocol';

export interface EnabledButtons {
  train: boolean;
  pause: boolean;
  resume: boolean;
  step: boolean;
  stop: boolean;
  reset: boolean;
}

/** Which of the training buttons make sense for this data and run state. */
export function enabledButtons(dataReady: boolean, state: RunState): EnabledButtons {
  const finished = state === 'idle' || state === 'done' || state === 'stopped';
  return {
    train: dataReady && finished,
    pause: state === 'running',
    resume: state === 'paused',
    // From idle, the caller starts a paused run and steps it.
    step: state === 'paused' || (dataReady && state === 'idle'),
    stop: state === 'running' || state === 'paused',
    reset: dataReady && state !== 'running',
  };
}
