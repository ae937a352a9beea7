/**
 * How the status line names and writes a run's losses, by kind of model (issue 25): a VAE's
 * loss as its two terms, a denoising run's validation loss as what it measures. Pure, so the
 * words are unit-tested.
 */
import type { ModelKind } from '../../shared/config';
import type { LossParts } from '../../shared/protocol';
import { formatLoss } from '../ui/format';

/** The kind of run the numbers come from, and the weight of a VAE's KL term. */
export interface LossKind {
  model: ModelKind;
  beta: number;
}

/**
 * A loss in the status line: `label` and `value` always; `detail` (what the number measures)
 * and `parts` (a VAE's terms) only where there is room, so a phone's bar keeps to two lines.
 */
export interface LossLine {
  label: string;
  detail: string;
  value: string;
  parts: string;
}

/** A VAE's terms are sums over pixels (tens to hundreds): one decimal reads best. */
const vaeNumber = (value: number) => formatLoss(value, 1);

/** "rebuild + KL", or "rebuild + 0.5 × KL" when beta weighs the KL term. */
export function vaeTerms(beta: number): string {
  return beta === 1 ? 'rebuild + KL' : `rebuild + ${beta} × KL`;
}

/** " = 128.1 + 24.2" (with "0.5 × 24.2" when beta is not 1): what a VAE's loss adds up from. */
export function vaeSum(parts: LossParts, beta: number): string {
  const kl = beta === 1 ? vaeNumber(parts.kl) : `${beta} × ${vaeNumber(parts.kl)}`;
  return ` = ${vaeNumber(parts.reconstruction)} + ${kl}`;
}

function numbers(
  kind: LossKind,
  loss: number | null,
  parts: LossParts | null,
): Pick<LossLine, 'value' | 'parts'> {
  if (loss === null) return { value: '–', parts: '' };
  if (kind.model === 'vae' && parts) {
    return { value: vaeNumber(loss), parts: vaeSum(parts, kind.beta) };
  }
  return { value: formatLoss(loss), parts: '' };
}

/** The latest batch's loss. */
export function trainLossLine(
  kind: LossKind,
  loss: number | null,
  parts: LossParts | null,
): LossLine {
  const detail = kind.model === 'vae' ? ` = ${vaeTerms(kind.beta)}` : '';
  return { label: 'Training loss', detail, ...numbers(kind, loss, parts) };
}

/** The loss on the test digits after the last finished epoch (`epoch` null: none yet). */
export function valLossLine(
  kind: LossKind,
  epoch: number | null,
  loss: number | null,
  parts: LossParts | null,
): LossLine {
  const label = epoch === null ? 'Validation loss' : `Validation loss (epoch ${epoch})`;
  // A denoising run's test digits are damaged the same way, the rebuilds scored on clean ones.
  const detail =
    kind.model === 'denoising'
      ? ' on damaged test digits vs clean'
      : kind.model === 'vae'
        ? ` = ${vaeTerms(kind.beta)}`
        : '';
  return { label, detail, ...numbers(kind, loss, parts) };
}

/** The whole line as one text: "Training loss = rebuild + KL: 152.3 = 128.1 + 24.2". */
export function lineText(line: LossLine): string {
  return `${line.label}${line.detail}: ${line.value}${line.parts}`;
}

/**
 * A VAE's loss is summed over the 784 pixels (~100-550); the other kinds' is averaged (~0.1).
 * Losses of the two scales on one axis or in one "best run" would say nothing.
 */
export function sameLossScale(a: ModelKind, b: ModelKind): boolean {
  return (a === 'vae') === (b === 'vae');
}
