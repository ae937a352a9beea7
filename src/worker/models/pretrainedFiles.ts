/** Fetches the shipped pretrained model: tfjs Layers files plus our history and meta JSON. */
import * as tfl from '@tensorflow/tfjs-layers';
import { PRETRAINED_FILES, parseHistory, parseMeta } from '../../shared/pretrained';
import type { LoadedPretrained } from './pretrainedOps';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

export async function fetchPretrained(baseUrl: string): Promise<LoadedPretrained> {
  const at = (file: string) => new URL(file, baseUrl).href;
  const [meta, history] = await Promise.all([
    fetchJson(at(PRETRAINED_FILES.meta)).then(parseMeta),
    fetchJson(at(PRETRAINED_FILES.history)).then(parseHistory),
  ]);
  const model = await tfl.loadLayersModel(at(PRETRAINED_FILES.model));
  return { model, meta, history };
}
