import { listUnits } from './latentChartData';

export interface DeadUnitsNoteProps {
  dead: readonly number[];
  latentDim: number;
}

/** Names the dead units and says, in one sentence, why a ReLU code has them. */
export function DeadUnitsNote({ dead, latentDim }: DeadUnitsNoteProps) {
  if (dead.length === 0) {
    return (
      <p className="ll-dead-note">
        <strong>No dead units:</strong> each of the {latentDim} numbers is above zero for more than
        1% of the test images.
      </p>
    );
  }
  const which = dead.length === 1 ? `Unit ${dead[0]} is` : `Units ${listUnits(dead)} are`;
  return (
    <p className="ll-dead-note ll-dead-note--some">
      <span className="ll-dead-note__swatch" aria-hidden="true" />
      <span>
        <strong>
          {dead.length} of {latentDim} units {dead.length === 1 ? 'is' : 'are'} dead.
        </strong>{' '}
        {which} zero for at least 99% of the test images, so the code really has{' '}
        {latentDim - dead.length} numbers. Why: the bottleneck uses ReLU, which outputs 0 whenever
        its input is negative, and a unit whose input is negative for almost every image gets almost
        no gradient, so training never switches it back on.
      </span>
    </p>
  );
}
