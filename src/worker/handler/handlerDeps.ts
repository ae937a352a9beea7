/**
 * What the message handler is given: where it posts, and the pieces a test swaps for fakes
 * (the dataset loader, the backend choice, trainers, the model store, the GPU guard).
 */
import type { TrainingConfig } from '../../shared/config';
import type { FromWorker } from '../../shared/protocol';
import type { BackendDecision } from '../backends/backend';
import type { PixelSet } from '../training/batches';
import type { GpuGuard } from '../backends/contextLoss';
import type { DatasetLoader } from '../data/dataset';
import type { ModelStore } from '../models/modelStore';
import type { LoadedPretrained } from '../models/pretrainedOps';
import type { FreshShape } from '../models/model';
import type { Trainer, TrainerEvents } from '../training/trainer';

export type Post = (message: FromWorker, transfer: Transferable[]) => void;

export interface TrainerOptions {
  config: TrainingConfig;
  /** The training images as the data worker handed them over: one chunk per sprite sheet. */
  train: PixelSet;
  test: { pixels: Uint8Array; count: number };
  probes: Uint8Array;
  events: TrainerEvents;
  /** Weights to start from instead of fresh ones, and the steps they were trained for. */
  model?: Trainer['network'];
  priorSteps?: number;
  stepsPerSecond?: number | null;
  /** GPU context loss (issue 9): is it lost now, and "it looks lost, recover". */
  gpuLost?: () => boolean;
  onGpuLost?: () => void;
}

export interface HandlerDeps {
  createLoader(baseUrl: string): DatasetLoader;
  selectBackend(
    choice: TrainingConfig['backend'],
    threads?: TrainingConfig['threads'],
  ): Promise<BackendDecision>;
  createTrainer(options: TrainerOptions): Trainer;
  /**
   * Builds a network with fresh seeded weights ahead of need (spareModel.ts). Without it (test
   * handlers with fake trainers) each trainer builds its own.
   */
  buildModel?(shape: FreshShape): Trainer['network'];
  /** Where saved models live; IndexedDB unless a test gives another. */
  openModelStore?: () => ModelStore;
  /** Watches the WebGL context and rebuilds a backend after a loss (issue 9). */
  createGpuGuard?: (onLost: () => void) => GpuGuard;
  /** Fetches the shipped pretrained model (tf.loadLayersModel in the worker). */
  loadPretrained?(baseUrl: string): Promise<LoadedPretrained>;
}
