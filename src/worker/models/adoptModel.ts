/**
 * The network a Trainer trains: fresh seeded weights, or a model handed in (the pretrained one,
 * or the weights of the previous run for "Train more"), checked against the run's config so a
 * run never trains a network of another shape than the page shows.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { effectiveLatentActivation, type TrainingConfig } from '../../shared/config';
import { latentDimOf } from '../latent/latents';
import { LATENT_LAYER } from './layerShapes';
import { activationOf, buildAutoencoder, denseLayers, logVarLayer } from './model';

/** Why `model` cannot be trained with `config`, or null when it can. */
export function shapeMismatch(model: tfl.LayersModel, config: TrainingConfig): string | null {
  const [hidden] = denseLayers(model);
  const hiddenUnits = (hidden.outputShape as number[]).at(-1);
  const latentDim = latentDimOf(model);
  const latentActivation = activationOf(model.getLayer(LATENT_LAYER));
  const variational = logVarLayer(model) !== null;
  if (variational !== (config.model === 'vae')) {
    return variational
      ? 'these weights belong to a variational autoencoder, and the settings ask for another kind'
      : 'these weights have no variance head, and the settings ask for a variational autoencoder';
  }
  const wanted = effectiveLatentActivation(config);
  if (
    hiddenUnits === config.hiddenUnits &&
    latentDim === config.latentDim &&
    latentActivation === wanted
  ) {
    return null;
  }
  return (
    `these weights belong to a network with latent size ${latentDim}, ${hiddenUnits} hidden units ` +
    `and a ${latentActivation} code, not the ${config.latentDim}, ${config.hiddenUnits} and ` +
    `${wanted} of the settings`
  );
}

export function modelFor(
  config: TrainingConfig,
  given: tfl.LayersModel | undefined,
): tfl.LayersModel {
  if (!given) return buildAutoencoder(config);
  const problem = shapeMismatch(given, config);
  if (problem) throw new Error(`Cannot train these weights: ${problem}.`);
  return given;
}
