/**
 * The shareable link: what a student needs to open the lecturer's setup (issue 6). Pure, so the
 * URL <-> state mapping is unit-tested. Hyperparameters keep the names config.ts reads; the rest
 * only appears when it differs from the default, so an untouched page has a clean link.
 */
import type { TrainingConfig } from '../../shared/config';
import { searchFromConfig } from '../../shared/settings';
import type { LatentViewState } from '../latent/latentView';

/** Page state that is not a hyperparameter but still belongs in the link. */
export interface ShareView {
  digit: number;
  /** Which screenful of the digit's samples (latentView.page). */
  sample: number;
  shuffleSeed: number | null;
  perChartScale: boolean;
  presenter: boolean;
  /** Panels shown: the loss chart's table, the QR code. */
  lossTable: boolean;
  qr: boolean;
}

export const DEFAULT_VIEW: Readonly<ShareView> = Object.freeze({
  digit: 0,
  sample: 0,
  shuffleSeed: null,
  perChartScale: false,
  presenter: false,
  lossTable: false,
  qr: false,
});

/** URL names of the view's fields (short: the link is also a QR code). */
const FLAG_PARAMS = {
  presenter: 'presenter',
  lossTable: 'lossTable',
  qr: 'qr',
  perChartScale: 'ownScale',
} as const;

function readInt(params: URLSearchParams, name: string, min: number, max: number): number | null {
  const text = params.get(name);
  if (text === null || !/^-?\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** Reads the view from a query string; anything missing or unusable keeps its default. */
export function viewFromSearch(search: string): ShareView {
  const params = new URLSearchParams(search);
  const view: ShareView = { ...DEFAULT_VIEW };
  view.digit = readInt(params, 'digit', 0, 9) ?? DEFAULT_VIEW.digit;
  view.sample = readInt(params, 'sample', -1_000_000, 1_000_000) ?? DEFAULT_VIEW.sample;
  view.shuffleSeed = readInt(params, 'shuffle', 0, 2 ** 32 - 1);
  for (const key of Object.keys(FLAG_PARAMS) as (keyof typeof FLAG_PARAMS)[]) {
    view[key] = params.get(FLAG_PARAMS[key]) === '1';
  }
  return view;
}

/** The query string (with "?", or "" when everything is default) that reproduces both. */
export function searchFromShare(config: TrainingConfig, view: ShareView): string {
  const params = new URLSearchParams(searchFromConfig(config));
  if (view.digit !== DEFAULT_VIEW.digit) params.set('digit', String(view.digit));
  if (view.sample !== DEFAULT_VIEW.sample) params.set('sample', String(view.sample));
  if (view.shuffleSeed !== null) params.set('shuffle', String(view.shuffleSeed));
  for (const key of Object.keys(FLAG_PARAMS) as (keyof typeof FLAG_PARAMS)[]) {
    if (view[key]) params.set(FLAG_PARAMS[key], '1');
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The latent view a link asks for, on top of the current one. */
export function latentViewFromShare(view: ShareView, base: LatentViewState): LatentViewState {
  return {
    ...base,
    digit: view.digit,
    page: view.sample,
    shuffleSeed: view.shuffleSeed,
    perChartScale: view.perChartScale,
  };
}
