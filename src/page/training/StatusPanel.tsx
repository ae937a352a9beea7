import type { LossParts, RunState } from '../../shared/protocol';
import { formatClock, formatInt } from '../ui/format';
import { trainLossLine, valLossLine, type LossKind, type LossLine } from './lossWords';

export interface StatusPanelProps {
  state: RunState;
  /** False while the dataset is still loading (the state then reads "loading"). */
  dataReady: boolean;
  /** 1-based epoch in progress; 0 before the first batch. */
  epoch: number;
  epochs: number;
  /** Batches done so far, and in the whole run. */
  step: number;
  totalSteps: number;
  /** Loss of the latest batch. */
  trainLoss: number | null;
  /** Validation loss after the last finished epoch, and that epoch's number. */
  valLoss: number | null;
  valEpoch: number | null;
  /** Which kind of model the numbers come from (issue 25); the standard one when absent. */
  kind?: LossKind;
  /** A VAE's two terms of the latest batch's loss and of the validation loss. */
  trainParts?: LossParts | null;
  valParts?: LossParts | null;
  samplesPerSecond: number | null;
  /** Training time so far, pauses excluded. */
  elapsedMs: number;
}

const STANDARD: LossKind = { model: 'ae', beta: 1 };

const STATE_WORD: Record<RunState, string> = {
  idle: 'ready',
  running: 'running',
  paused: 'paused',
  done: 'done',
  stopped: 'stopped',
};

function remainingMs({ state, step, totalSteps, elapsedMs }: StatusPanelProps): number | null {
  if (state === 'done') return 0;
  if (step <= 0 || totalSteps <= 0 || step >= totalSteps || elapsedMs <= 0) return null;
  return (elapsedMs / step) * (totalSteps - step);
}

/**
 * Where the run is: the state, the epoch and the run's numbers, in the run bar. Only the short
 * state line is announced to screen readers (politely); the fast-changing numbers beside it are
 * not, so they do not talk over the lesson. Where the maths runs is BackendStatus.tsx.
 */
export function StatusPanel(props: StatusPanelProps) {
  const { state, dataReady, epoch, epochs, step, totalSteps, trainLoss, valLoss, valEpoch } = props;
  const { samplesPerSecond, elapsedMs, kind = STANDARD } = props;
  const train = trainLossLine(kind, trainLoss, props.trainParts ?? null);
  const val = valLossLine(kind, valEpoch, valLoss, props.valParts ?? null);
  const word = !dataReady && state === 'idle' ? 'loading' : STATE_WORD[state];
  const eta = remainingMs(props);

  return (
    <div className="ll-status" role="status" aria-live="off">
      <p className="ll-status__headline" aria-live="polite" aria-atomic="true">
        <span className={`ll-badge ll-badge--${word}`}>{word}</span>{' '}
        <span className="ll-status__epoch">
          Epoch {epoch} of {epochs}
        </span>
      </p>
      <dl className="ll-facts ll-facts--status">
        <div className="ll-facts__item">
          <dt>Step</dt>{' '}
          <dd className="ll-num">
            {formatInt(step)} of {formatInt(totalSteps)}
          </dd>
        </div>
        <div className="ll-facts__item">
          <LossFact line={train} />
        </div>
        <div className="ll-facts__item">
          <LossFact line={val} />
        </div>
        <div className="ll-facts__item">
          <dt>Speed</dt>{' '}
          <dd className="ll-num">
            {samplesPerSecond === null ? '–' : `${formatInt(samplesPerSecond)} images/s`}
          </dd>
        </div>
        <div className="ll-facts__item">
          <dt>Elapsed</dt> <dd className="ll-num">{formatClock(elapsedMs)}</dd>
        </div>
        <div className="ll-facts__item">
          <dt>Time left</dt> <dd className="ll-num">{eta === null ? '–' : formatClock(eta)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** A loss's name and number; what it measures and its terms are left out on a phone. */
function LossFact({ line }: { line: LossLine }) {
  return (
    <>
      <dt>
        {line.label}
        {line.detail ? <span className="ll-status__more">{line.detail}</span> : null}
      </dt>{' '}
      <dd className="ll-num">
        {line.value}
        {line.parts ? <span className="ll-status__more">{line.parts}</span> : null}
      </dd>
    </>
  );
}
