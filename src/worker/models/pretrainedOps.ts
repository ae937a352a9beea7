/**
 * The worker's half of "Load pretrained": fetch the shipped model and its history, put a trainer
 * around the loaded weights (so it can be trained further), show its pictures and codes, and
 * measure its validation loss here, on this browser's own maths.
 */
import type { BackendChoice, TrainingConfig } from '../../shared/config';
import {
  decodeTimeline,
  infoOf,
  type PretrainedHistory,
  type PretrainedMeta,
} from '../../shared/pretrained';
import type { FromWorker } from '../../shared/protocol';
import type { Trainer } from '../training/trainer';

export interface LoadedPretrained {
  model: Trainer['network'];
  meta: PretrainedMeta;
  history: PretrainedHistory;
}

export interface PretrainedDeps {
  send(message: FromWorker): void;
  load(baseUrl: string): Promise<LoadedPretrained>;
  /** The backend the page asked for (the file's own choice is about another machine). */
  backendChoice(): BackendChoice;
  /** How many probe digits the page shows; null while the data is not there. */
  probeCount(): number | null;
  /** Makes a trainer around `model` the current one (no run) and tells the page its summary. */
  adopt(model: Trainer['network'], config: TrainingConfig, priorSteps: number): Trainer;
  /** True while a run is going (then nothing is loaded). */
  busy(): boolean;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function loadPretrained(
  deps: PretrainedDeps,
  runId: number,
  baseUrl: string,
): Promise<void> {
  const refuse = (message: string) => deps.send({ type: 'pretrainedError', runId, message });
  const probes = deps.probeCount();
  if (probes === null) return refuse('The digits are still loading: try again in a moment.');
  if (deps.busy()) return refuse('Stop the training run before loading the pretrained model.');
  let loaded: LoadedPretrained;
  let frames;
  try {
    loaded = await deps.load(baseUrl);
    frames = decodeTimeline(loaded.meta, probes);
  } catch (error) {
    return refuse(`The pretrained model could not be loaded (${errorText(error)}).`);
  }
  const { model, meta, history } = loaded;
  const config = { ...meta.config, backend: deps.backendChoice() };
  let trainer: Trainer;
  try {
    trainer = deps.adopt(model, config, meta.totalSteps);
  } catch (error) {
    model.dispose();
    return refuse(`The pretrained model does not fit this app (${errorText(error)}).`);
  }
  const pixels = trainer.reconstructProbes();
  deps.send({ type: 'reconstructions', runId: null, step: meta.totalSteps, pixels });
  deps.send({ type: 'pretrainedLoaded', runId, info: infoOf(meta), history, frames });
  deps.send({ type: 'pretrainedChecked', runId, valLoss: await trainer.encodeTestSet() });
}
