/**
 * A model to and from the tfjs Layers files (model.json + one weights file) with our details in
 * `userDefinedMetadata.latentLab`. Any tfjs tool can load the files; we load only what passes
 * every check in shared/savedModel.ts plus the weights' size and SHA-256.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import {
  MODEL_APP,
  MODEL_SCHEMA_VERSION,
  ModelFileError,
  parseModelJson,
  weightBytes,
  type ModelHistory,
  type ParsedModelFile,
  type SavedModelMeta,
} from '../../shared/savedModel';
import type { TrainingConfig } from '../../shared/config';
import { weightedLayers } from './model';
import { sha256Hex } from '../data/sha256';

export interface ModelFiles {
  meta: SavedModelMeta;
  /** model.json text. */
  json: string;
  weights: ArrayBuffer;
}

export interface SaveDetails {
  name: string;
  config: TrainingConfig;
  step: number;
  history: ModelHistory;
  /** The weights file's name, which model.json refers to. */
  weightsFile: string;
}

export async function serializeModel(
  model: tfl.LayersModel,
  details: SaveDetails,
): Promise<ModelFiles> {
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const saved = artifacts as tf.io.ModelArtifacts | null;
  if (!saved?.weightData || !saved.weightSpecs) throw new Error('the model gave no weights');
  const weights = tf.io.CompositeArrayBuffer.join(saved.weightData);
  const valLoss = details.history.epochSummaries.at(-1)?.valLoss ?? null;
  const meta: SavedModelMeta = {
    schemaVersion: MODEL_SCHEMA_VERSION,
    app: MODEL_APP,
    name: details.name,
    savedAt: new Date().toISOString(),
    config: details.config,
    step: details.step,
    valLoss,
    weightsSha256: await sha256Hex(new Uint8Array(weights)),
    weightsBytes: weights.byteLength,
  };
  const json = JSON.stringify({
    format: saved.format,
    generatedBy: saved.generatedBy,
    convertedBy: saved.convertedBy,
    modelTopology: saved.modelTopology,
    weightsManifest: [{ paths: [`./${details.weightsFile}`], weights: saved.weightSpecs }],
    userDefinedMetadata: { latentLab: { ...meta, history: details.history } },
  });
  return { meta, json, weights };
}

/** Checks model.json and its weights together; throws a ModelFileError saying what is wrong. */
export async function checkModelFiles(
  json: string,
  weights: ArrayBuffer,
): Promise<ParsedModelFile> {
  const parsed = parseModelJson(json);
  const expected = weightBytes(parsed.specs);
  if (weights.byteLength !== expected) {
    throw new ModelFileError(
      `The weights file holds ${weights.byteLength.toLocaleString('en-US')} bytes, but this model needs ${expected.toLocaleString('en-US')}: it is cut short or belongs to another model.`,
    );
  }
  if ((await sha256Hex(new Uint8Array(weights))) !== parsed.meta.weightsSha256) {
    throw new ModelFileError(
      'The weights file is damaged: its checksum does not match the one saved with the model.',
    );
  }
  return parsed;
}

/** Copies checked weights into a model of the same shape (built from the same config). */
export function applyWeights(
  model: tfl.LayersModel,
  parsed: ParsedModelFile,
  weights: ArrayBuffer,
) {
  const named = tf.io.decodeWeights(weights, parsed.specs);
  try {
    for (const value of Object.values(named)) {
      const data = value.dataSync();
      if (!data.every(Number.isFinite)) {
        throw new ModelFileError('The weights file holds numbers that are not finite (NaN).');
      }
    }
    for (const layer of weightedLayers(model)) {
      layer.setWeights([named[`${layer.name}/kernel`], named[`${layer.name}/bias`]]);
    }
  } finally {
    tf.dispose(Object.values(named));
  }
}
