import { KL_OFF } from '../../shared/latentStats';
import { listUnits, type OffReason } from './latentChartData';

export interface DeadUnitsNoteProps {
  dead: readonly number[];
  latentDim: number;
  offReason: OffReason;
}

/** Names the units a VAE's KL term switched off, and says in a sentence why that happens. */
function SwitchedOffNote({ dead, latentDim }: Omit<DeadUnitsNoteProps, 'offReason'>) {
  if (dead.length === 0) {
    return (
      <p className="ll-dead-note">
        <strong>No unit is switched off:</strong> each of the {latentDim} numbers still tells the
        decoder something about the image (its KL term averages at least {KL_OFF}).
      </p>
    );
  }
  const one = dead.length === 1;
  const which = one ? `Unit ${dead[0]}` : `Units ${listUnits(dead)}`;
  return (
    <p className="ll-dead-note ll-dead-note--some">
      <span className="ll-dead-note__swatch" aria-hidden="true" />
      <span>
        <strong>
          {dead.length} of {latentDim} units {one ? 'is' : 'are'} switched off by the KL term.
        </strong>{' '}
        {which} {one ? 'carries' : 'carry'} no information: {one ? 'its' : 'each one’s'} code is
        noise whatever the digit (mean near 0, spread near 1), so the decoder ignores{' '}
        {one ? 'it' : 'them'} and the code really has {latentDim - dead.length} numbers. Why: the KL
        term charges every unit for what it tells the decoder, and a unit that does not pay for
        itself in better rebuilds gives it all up and becomes plain N(0, 1) noise. A larger beta
        switches off more.
      </span>
    </p>
  );
}

/** Names the dead units and says, in one sentence, why a ReLU code has them. */
export function DeadUnitsNote({ dead, latentDim, offReason }: DeadUnitsNoteProps) {
  if (offReason === 'kl') return <SwitchedOffNote dead={dead} latentDim={latentDim} />;
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
