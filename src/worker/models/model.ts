/**
 * The notebook's autoencoder as a real tfjs LayersModel (so summary, save and load work), plus
 * the encoder and decoder halves that share its layers, and a Keras-like summary for the page.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import {
  IMAGE_SIZE,
  effectiveLatentActivation,
  type ModelKind,
  type TrainingConfig,
} from '../../shared/config';
import type { LayerSummary, ModelSummary } from '../../shared/protocol';
import { layerSeeds } from '../training/random';
import {
  LATENT_LAYER,
  LAYER_SPECS,
  layerActivations,
  layerUnits,
  type DenseActivation,
  type ModelShape,
} from './layerShapes';

export const INPUT_NAME = 'image';
/** A VAE's second head: the log-variance of each code number, beside the mean. */
export const LOG_VAR_LAYER = 'latent_log_var';

/** A dense layer's activation as its config says (so it is right for loaded models too). */
export function activationOf(layer: tfl.layers.Layer): DenseActivation {
  const name = layer.getConfig().activation;
  if (name === 'relu' || name === 'sigmoid' || name === 'linear') return name;
  throw new Error(`layer ${layer.name} has the activation ${String(name)}, which we do not train`);
}

/**
 * Everything buildAutoencoder reads: the same values always build the same network, which is
 * what lets one be built ahead of need (spareModel.ts). No code activation means relu.
 */
export type FreshShape = ModelShape &
  Pick<TrainingConfig, 'seed'> &
  Partial<Pick<TrainingConfig, 'latentActivation' | 'model'>>;

function seededDense(name: string, units: number, activation: DenseActivation, seed: number) {
  return tfl.layers.dense({
    name,
    units,
    activation,
    kernelInitializer: tfl.initializers.glorotUniform({ seed }),
    biasInitializer: 'zeros',
  });
}

/**
 * 784 -> hidden relu -> latent relu -> hidden relu -> 784 sigmoid. Glorot-uniform kernels, each
 * with its own nonzero seed derived from config.seed (so the same seed gives the same weights),
 * and zero biases, as Keras initialises Dense layers.
 *
 * A VAE (config.model 'vae') has a linear mean head as its 'latent' layer and a second linear
 * head beside it for the log-variance; the model's outputs are the rebuild of the mean and the
 * log-variance, so both heads are saved and loaded with it. The sampling happens only in
 * training (kernels/vaeBackprop.ts): everything that shows the model decodes the mean.
 */
export function buildAutoencoder(config: FreshShape): tfl.LayersModel {
  const kind: ModelKind = config.model ?? 'ae';
  const units = layerUnits(config);
  const latentActivation = effectiveLatentActivation({
    model: kind,
    latentActivation: config.latentActivation ?? 'relu',
  });
  const activations = layerActivations(latentActivation);
  // The log-variance head takes the fifth seed, so the other four are those of the standard model.
  const seeds = layerSeeds(config.seed, LAYER_SPECS.length + 1);
  const input = tfl.input({ shape: [IMAGE_SIZE], name: INPUT_NAME });
  let x: tfl.SymbolicTensor = input;
  let logVar: tfl.SymbolicTensor | null = null;
  LAYER_SPECS.forEach((spec, i) => {
    const hidden = x;
    x = seededDense(spec.name, units[i], activations[i], seeds[i]).apply(x) as tfl.SymbolicTensor;
    if (kind === 'vae' && spec.name === LATENT_LAYER) {
      const head = seededDense(LOG_VAR_LAYER, units[i], 'linear', seeds[LAYER_SPECS.length]);
      logVar = head.apply(hidden) as tfl.SymbolicTensor;
    }
  });
  const outputs = logVar ? [x, logVar] : x;
  return tfl.model({ inputs: input, outputs, name: kind === 'vae' ? 'vae' : 'autoencoder' });
}

/** The dense layers of the image -> code -> image path in forward order (a VAE's mean path). */
export function denseLayers(model: tfl.LayersModel): tfl.layers.Layer[] {
  return LAYER_SPECS.map((spec) => model.getLayer(spec.name));
}

/** A VAE's log-variance head; null for the standard and denoising models. */
export function logVarLayer(model: tfl.LayersModel): tfl.layers.Layer | null {
  return model.layers.find((layer) => layer.name === LOG_VAR_LAYER) ?? null;
}

/** Every layer that holds weights: the path's four, and a VAE's log-variance head after 'latent'. */
export function weightedLayers(model: tfl.LayersModel): tfl.layers.Layer[] {
  const head = logVarLayer(model);
  const path = denseLayers(model);
  if (!head) return path;
  const at = LAYER_SPECS.findIndex((spec) => spec.name === LATENT_LAYER) + 1;
  return [...path.slice(0, at), head, ...path.slice(at)];
}

/** image -> latent code, sharing the autoencoder's layers (and so its weights). */
export function encoderOf(model: tfl.LayersModel): tfl.LayersModel {
  return tfl.model({
    inputs: model.inputs,
    outputs: model.getLayer(LATENT_LAYER).output as tfl.SymbolicTensor,
    name: 'encoder',
  });
}

/** latent code -> image, sharing the autoencoder's decoder layers (and so its weights). */
export function decoderOf(model: tfl.LayersModel): tfl.LayersModel {
  const latentUnits = model.getLayer(LATENT_LAYER).outputShape as number[];
  const code = tfl.input({ shape: [latentUnits[latentUnits.length - 1]], name: 'code' });
  let x: tfl.SymbolicTensor = code;
  for (const spec of LAYER_SPECS.slice(LAYER_SPECS.findIndex((s) => s.name === LATENT_LAYER) + 1)) {
    x = model.getLayer(spec.name).apply(x) as tfl.SymbolicTensor;
  }
  return tfl.model({ inputs: code, outputs: x, name: 'decoder' });
}

/** "(None, 128)", as Keras prints an output shape with an unknown batch size. */
function kerasShape(shape: readonly (number | null)[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

/** The layer table of Keras's model.summary(), without the input layer (it has no weights). */
export function summarize(model: tfl.LayersModel, config: ModelShape): ModelSummary {
  const layers: LayerSummary[] = weightedLayers(model).map((layer) => {
    return {
      name: layer.name,
      outputShape: kerasShape(layer.outputShape as (number | null)[]),
      activation: activationOf(layer),
      params: layer.countParams(),
    };
  });
  return {
    layers,
    totalParams: layers.reduce((sum, l) => sum + l.params, 0),
    inputSize: IMAGE_SIZE,
    latentDim: config.latentDim,
  };
}
