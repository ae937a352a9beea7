/**
 * The notebook's four dense layers as names, widths and activations, without tfjs-layers: the
 * model (model.ts) is built from these, and the helper workers, which do not load tfjs-layers,
 * read the same shapes (threads/helperWarmUp.ts).
 */
import { IMAGE_SIZE, type LatentActivation, type TrainingConfig } from '../../shared/config';

export type DenseActivation = 'relu' | 'sigmoid' | 'linear';

/**
 * The four dense layers in order; names are stable so encoder/decoder work on loaded models.
 * These are the notebook's activations; the latent one can be changed (config.latentActivation).
 */
export const LAYER_SPECS = [
  { name: 'encoder_hidden', activation: 'relu' },
  { name: 'latent', activation: 'relu' },
  { name: 'decoder_hidden', activation: 'relu' },
  { name: 'reconstruction', activation: 'sigmoid' },
] as const satisfies readonly { name: string; activation: DenseActivation }[];

/** The bottleneck; in a VAE, the mean head (so every view of "the code" shows the means). */
export const LATENT_LAYER = 'latent';

export type ModelShape = Pick<TrainingConfig, 'hiddenUnits' | 'latentDim'>;

/** One dense layer: inputs × units weights, then its activation. */
export interface LayerShape {
  inputs: number;
  units: number;
  activation: DenseActivation;
}

/** The activations of the four layers, with the bottleneck's as configured. */
export function layerActivations(latentActivation: LatentActivation = 'relu'): DenseActivation[] {
  return LAYER_SPECS.map((spec) =>
    spec.name === LATENT_LAYER ? latentActivation : spec.activation,
  );
}

/** The four layers' widths. */
export function layerUnits(config: ModelShape): number[] {
  return [config.hiddenUnits, config.latentDim, config.hiddenUnits, IMAGE_SIZE];
}

/** The four layers, each with its input width, for a network of `config`'s widths. */
export function layerShapes(
  config: ModelShape,
  latentActivation: LatentActivation = 'relu',
): LayerShape[] {
  const units = layerUnits(config);
  const activations = layerActivations(latentActivation);
  return units.map((width, i) => ({
    inputs: i === 0 ? IMAGE_SIZE : units[i - 1],
    units: width,
    activation: activations[i],
  }));
}
