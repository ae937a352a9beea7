import { useId, useMemo, type ReactNode } from 'react';
import type { DigitSamples } from '../../shared/protocol';
import type { ShownReconstruction } from '../store/appState';
import { cssVars } from '../ui/cssVars';
import { DigitCanvas } from '../ui/DigitCanvas';
import { formatInt } from '../ui/format';
import { meanAbsoluteError } from './pixelError';

export interface ReconstructionsProps {
  /** The fixed probe digits, one per class. */
  probes: DigitSamples;
  /**
   * The network's rebuild of every probe (10 x 784 floats in 0-1), or null before the first;
   * for a denoising run also the damaged probes it was given.
   */
  reconstruction: ShownReconstruction | null;
  /**
   * A denoising run: a middle row shows what the network is given. Known from the settings
   * before the first pictures arrive, so the row's space is there from the start.
   */
  denoising?: boolean;
  /** The training-timeline scrubber, shown under the title. */
  timeline?: ReactNode;
  /** The "What am I looking at?" note. */
  explainer?: ReactNode;
}

function stepText(step: number): string {
  return step === 0
    ? 'Rebuilt at step 0, before any training.'
    : `Rebuilt at step ${formatInt(step)}.`;
}

/**
 * The probe digits in one row and the network's rebuilds of them in the row beneath; for a
 * denoising run, what the network was given sits between the two.
 */
export function Reconstructions({
  probes,
  reconstruction,
  timeline,
  explainer,
  denoising = false,
}: ReconstructionsProps) {
  const titleId = useId();
  const originalId = useId();
  const givenId = useId();
  const rebuiltId = useId();
  const errorId = useId();
  const inputs = reconstruction?.inputs ?? null;

  const errors = useMemo(
    () =>
      reconstruction === null
        ? null
        : probes.labels.map((_, i) => meanAbsoluteError(probes.pixels, reconstruction.pixels, i)),
    [probes, reconstruction],
  );

  return (
    <section className="ll-panel ll-recon" aria-labelledby={titleId}>
      <div className="ll-panel__header">
        <h2 id={titleId} className="ll-panel__title">
          Originals and rebuilds
        </h2>
        <p className="ll-recon__step">
          {reconstruction === null ? 'No rebuilds yet.' : stepText(reconstruction.step)}
        </p>
      </div>
      {timeline}

      <div className="ll-recon__grid" style={cssVars({ '--ll-recon-count': probes.labels.length })}>
        <div className="ll-recon__row" role="group" aria-labelledby={originalId}>
          <span id={originalId} className="ll-recon__row-label">
            Original
          </span>
          <ul className="ll-recon__cells">
            {probes.labels.map((label, i) => (
              <li key={i} className="ll-recon__cell">
                <DigitCanvas pixels={probes.pixels} offset={i} label={`Original digit ${label}`} />
              </li>
            ))}
          </ul>
        </div>

        {denoising || inputs !== null ? (
          <div className="ll-recon__row" role="group" aria-labelledby={givenId}>
            <span id={givenId} className="ll-recon__row-label">
              Given to the network
            </span>
            <ul className="ll-recon__cells">
              {probes.labels.map((label, i) => (
                <li key={i} className="ll-recon__cell">
                  {inputs === null ? (
                    <div className="ll-digit ll-digit--placeholder" aria-hidden="true">
                      ?
                    </div>
                  ) : (
                    <DigitCanvas
                      pixels={inputs}
                      offset={i}
                      label={`Damaged digit ${label}, as the network is given it`}
                    />
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="ll-recon__row" role="group" aria-labelledby={rebuiltId}>
          <span id={rebuiltId} className="ll-recon__row-label">
            Rebuilt by the network
          </span>
          <ul className="ll-recon__cells">
            {probes.labels.map((label, i) => (
              <li key={i} className="ll-recon__cell">
                {reconstruction === null ? (
                  <div className="ll-digit ll-digit--placeholder" aria-hidden="true">
                    ?
                  </div>
                ) : (
                  <DigitCanvas
                    pixels={reconstruction.pixels}
                    offset={i}
                    label={`Reconstruction of digit ${label}`}
                  />
                )}
              </li>
            ))}
          </ul>
        </div>

        {errors === null ? null : (
          <div
            className="ll-recon__row ll-recon__row--error"
            role="group"
            aria-labelledby={errorId}
          >
            <span id={errorId} className="ll-recon__row-label">
              Average pixel error
            </span>
            <ul className="ll-recon__cells">
              {errors.map((error, i) => (
                <li key={i} className="ll-recon__cell ll-num">
                  <span className="ll-visually-hidden">Digit {probes.labels[i]}: </span>
                  <ErrorNumber error={error} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <p className="ll-panel__note">{noteText(reconstruction !== null, inputs !== null)}</p>
      {explainer}
    </section>
  );
}

function noteText(rebuilt: boolean, damaged: boolean): string {
  if (!rebuilt)
    return 'The rebuilds fill in as soon as the network is set up, and update as it learns.';
  if (damaged) {
    return 'The network only ever sees the damaged copies, yet it is scored on the clean originals. The error compares each rebuild with the clean digit: 0 is perfect, 1 all wrong.';
  }
  return 'Each rebuild is made only from the few numbers at the bottleneck. The error is the average difference per pixel, from 0 (perfect) to 1.';
}

/**
 * 0.142 as "0.142", with the leading zero in a span of its own: on a phone's narrow row it is
 * dropped (".142"), so ten numbers fit under ten digits at a readable size.
 */
function ErrorNumber({ error }: { error: number }) {
  if (!Number.isFinite(error)) return <>n/a</>;
  const text = error.toFixed(3);
  if (!text.startsWith('0.')) return <>{text}</>;
  return (
    <>
      <span className="ll-recon__zero">0</span>
      {text.slice(1)}
    </>
  );
}
