/**
 * What each kind of model is, in a few plain sentences (issue 25): shown behind "How does it
 * learn?" and in the panels' notes. Our own words, for a first-year student.
 */
import type { ModelKind } from '../../shared/config';

/** What the noise teaches a denoising autoencoder. */
export const DENOISING_WORDS =
  'This one never sees a clean digit on the way in: every batch is damaged first (pixels dropped, or noise added), and the rebuild is scored against the clean original. Copying pixels through cannot work any more, so it has to learn what strokes digits are made of and fill in what is missing. The same idea cleans up scanned pages and grainy photos.';

/** Why a VAE's codes fill the space, so random codes decode to digits. */
export const VAE_WORDS =
  'This one is variational: for each digit the encoder gives a most likely code and how unsure it is, and the decoder learns from a random pick near that code. A second term in the loss, the KL term, charges for every code that wanders away from a plain bell curve around 0. So the codes of all digits are packed into one round cloud without empty gaps, and a code picked at random from that bell curve decodes to something that looks like a digit.';

/** What beta trades. */
export const BETA_WORDS =
  'Beta is the price of the KL term. Raise it and the codes huddle closer to the bell curve, which makes invented digits better but the rebuilds blurrier; lower it towards 0 and the rebuilds sharpen while gaps open up in the code space, as in a standard autoencoder.';

/** The words for `model`, or null for the notebook's standard autoencoder. */
export function kindWords(model: ModelKind): string | null {
  if (model === 'denoising') return DENOISING_WORDS;
  if (model === 'vae') return `${VAE_WORDS} ${BETA_WORDS}`;
  return null;
}
