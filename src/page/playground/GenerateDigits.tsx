/**
 * Generate (issue 25): ten codes nobody encoded, drawn at random and decoded. For a VAE they
 * come from N(0, I), the distribution its training pulled the codes towards; for a plain
 * autoencoder the same button is a contrast, and says why its draws mostly fail.
 */
import { IMAGE_SIZE } from '../../shared/config';
import { DigitCanvas } from '../ui/DigitCanvas';
import { formatInt } from '../ui/format';
import type { Playground, PlaygroundState } from './playground';
import { GENERATED } from './playground';

export interface GenerateDigitsProps {
  generated: PlaygroundState['generated'];
  playground: Playground;
  /** Whether the codes on the page are a VAE's (it has a KL term per unit). */
  vae: boolean;
  latentDim: number;
  /** Training steps behind the current weights (0: untrained). */
  step: number;
}

const SLOTS = Array.from({ length: GENERATED }, (_, i) => i);

function Explanation({ vae, latentDim }: { vae: boolean; latentDim: number }) {
  if (vae) {
    return (
      <p className="ll-latent__claim">
        Each press draws {GENERATED} new codes of {latentDim} numbers, each number from N(0, 1), the
        bell curve centred on 0 with spread 1, and the decoder draws what it reads in them: no test
        image is involved. Random codes give digits because of the KL term of the loss. In training
        it pulls every image's code towards that same bell curve, so the codes of all the digits
        share one round cloud with no big empty gaps; a random draw lands inside the cloud, near the
        codes of some real digits, where the decoder has learned to draw.
      </p>
    );
  }
  return (
    <p className="ll-latent__claim">
      A plain autoencoder as a contrast. Each press draws {GENERATED} new codes, each number from a
      bell curve with the same average and spread as that unit has over the test images, so the
      draws land where the real codes lie, roughly. Most still decode to blurs or to shapes that are
      no digit: nothing in training asked the codes to fill that region, so the codes of real digits
      sit in scattered patches with empty space between them, and a random code usually falls in a
      gap the decoder never learned to read. Train a variational autoencoder (the model setting) to
      see the difference.
    </p>
  );
}

export function GenerateDigits({
  generated,
  playground,
  vae,
  latentDim,
  step,
}: GenerateDigitsProps) {
  const images =
    generated?.images && generated.images.length >= GENERATED * IMAGE_SIZE
      ? generated.images
      : null;
  return (
    <div className="ll-generate">
      <Explanation vae={vae} latentDim={latentDim} />
      <div className="ll-generate__row">
        <button type="button" className="ll-btn ll-btn--primary" onClick={playground.generate}>
          Generate {GENERATED} digits
        </button>
        {generated && (
          <span className="ll-panel__note ll-num" aria-live="polite">
            Press {formatInt(generated.press)}:{' '}
            {step === 0
              ? 'the decoder is untrained (random weights), so expect grey noise, not digits yet.'
              : `decoded by the network after ${formatInt(step)} training steps.`}
          </span>
        )}
      </div>
      {generated && (
        <div className="ll-generate__images" role="group" aria-label="Generated digits">
          {SLOTS.map((slot) =>
            images ? (
              <DigitCanvas
                key={slot}
                pixels={images}
                offset={slot}
                label={`Generated digit ${slot + 1} of ${GENERATED}, press ${generated.press}`}
              />
            ) : (
              <div key={slot} className="ll-digit ll-digit--placeholder" aria-hidden="true" />
            ),
          )}
        </div>
      )}
    </div>
  );
}
