import type { RunState } from '../../shared/protocol';
import { enabledButtons } from './controlRules';

export interface ControlsProps {
  dataReady: boolean;
  state: RunState;
  onTrain: () => void;
  onPause: () => void;
  onResume: () => void;
  /** When idle, the caller starts a paused run and then steps it. */
  onStep: () => void;
  onStop: () => void;
  onReset: () => void;
  /** What Train does now, e.g. when it keeps training the current weights. */
  trainTip?: string;
}

interface ButtonSpec {
  name: 'Train' | 'Pause' | 'Resume' | 'Step' | 'Stop' | 'Reset';
  tip: string;
  enabled: boolean;
  onClick: () => void;
  primary?: boolean;
}

/** Train, Pause, Resume, Step, Stop and Reset; each is enabled only when it can act. */
export function Controls(props: ControlsProps) {
  const { dataReady, state } = props;
  const on = enabledButtons(dataReady, state);
  const buttons: ButtonSpec[] = [
    {
      name: 'Train',
      tip: props.trainTip ?? 'Start training from fresh random weights',
      enabled: on.train,
      onClick: props.onTrain,
      primary: true,
    },
    {
      name: 'Pause',
      tip: 'Pause after the current batch',
      enabled: on.pause,
      onClick: props.onPause,
    },
    { name: 'Resume', tip: 'Carry on training', enabled: on.resume, onClick: props.onResume },
    { name: 'Step', tip: 'Train on one batch, then wait', enabled: on.step, onClick: props.onStep },
    {
      name: 'Stop',
      tip: 'End this run (the chart and pictures stay)',
      enabled: on.stop,
      onClick: props.onStop,
    },
    {
      name: 'Reset',
      tip: 'Forget everything learned: new random weights',
      enabled: on.reset,
      onClick: props.onReset,
    },
  ];
  return (
    <div className="ll-controls" role="group" aria-label="Training controls">
      {buttons.map((button) => (
        <button
          key={button.name}
          type="button"
          className={button.primary ? 'll-btn ll-btn--primary' : 'll-btn'}
          title={button.tip}
          disabled={!button.enabled}
          onClick={button.onClick}
        >
          {button.name}
        </button>
      ))}
    </div>
  );
}
