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

export interface LossLine {
  label: string;
  value: string;
}

/** A VAE's terms are sums over pixels (tens to hundreds): one decimal reads best. */
const vaeNumber = (value: number) => formatLoss(value, 1);

/** "rebuild + KL", or "rebuild + 0.5 × KL" when beta weighs the KL term. */
export function vaeTerms(beta: number): string {
  return beta === 1 ? 'rebuild + KL' : `rebuild + ${beta} × KL`;
}

/** "152.3 = 128.1 + 24.2" (with "0.5 × 24.2" when beta is not 1). */
export function vaeSum(loss: number, parts: LossParts, beta: number): string {
  const kl = beta === 1 ? vaeNumber(parts.kl) : `${beta} × ${vaeNumber(parts.kl)}`;
  return `${vaeNumber(loss)} = ${vaeNumber(parts.reconstruction)} + ${kl}`;
}

function value(kind: LossKind, loss: number | null, parts: LossParts | null): string {
  if (loss === null) return '–';
  if (kind.model === 'vae' && parts) return vaeSum(loss, parts, kind.beta);
  return formatLoss(loss);
}

/** The latest batch's loss. */
export function trainLossLine(
  kind: LossKind,
  loss: number | null,
  parts: LossParts | null,
): LossLine {
  const label = kind.model === 'vae' ? `Training loss = ${vaeTerms(kind.beta)}` : 'Training loss';
  return { label, value: value(kind, loss, parts) };
}

/** The loss on the test digits after the last finished epoch (`epoch` null: none yet). */
export function valLossLine(
  kind: LossKind,
  epoch: number | null,
  loss: number | null,
  parts: LossParts | null,
): LossLine {
  const when = epoch === null ? '' : `epoch ${epoch}`;
  let label: string;
  if (kind.model === 'denoising') {
    // The test digits are damaged the same way, and the rebuilds scored against the clean ones.
    label = `Validation loss (${when ? `${when}, ` : ''}damaged test digits vs clean)`;
  } else if (kind.model === 'vae') {
    label = `Validation loss${when ? ` (${when})` : ''} = ${vaeTerms(kind.beta)}`;
  } else {
    label = `Validation loss${when ? ` (${when})` : ''}`;
  }
  return { label, value: value(kind, loss, parts) };
}

/**
 * A VAE's loss is summed over the 784 pixels (~100-550); the other kinds' is averaged (~0.1).
 * Losses of the two scales on one axis or in one "best run" would say nothing.
 */
export function sameLossScale(a: ModelKind, b: ModelKind): boolean {
  return (a === 'vae') === (b === 'vae');
}
