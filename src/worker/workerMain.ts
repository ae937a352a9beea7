/**
 * The heavy half of the worker (tfjs, the trainer, the message handler), loaded by
 * training.worker.ts with a dynamic import so the dataset download can start first.
 */
import type { ToWorker } from '../shared/protocol';
import { selectBackend } from './backend';
import { createGpuGuard } from './contextLoss';
import type { DatasetLoader } from './dataset';
import { createMessageHandler, type Post } from './handler';
import { fetchPretrained } from './pretrainedFiles';
import { Trainer } from './trainer';

export function startHandler(
  post: Post,
  loaderFor: (baseUrl: string) => DatasetLoader,
): (message: ToWorker) => void {
  return createMessageHandler(post, {
    createLoader: loaderFor,
    selectBackend,
    createTrainer: (options) => new Trainer(options),
    createGpuGuard,
    loadPretrained: fetchPretrained,
  });
}
