/**
 * Wires the message handler to the real pieces: the dataset loader (used only when the page
 * sends no data worker port), the backend choice, the trainer, the GPU guard and the
 * pretrained model's files.
 */
import type { ToWorker } from '../../shared/protocol';
import { selectBackend } from '../backends/backend';
import { createGpuGuard } from '../backends/contextLoss';
import { createDatasetLoader } from '../data/dataset';
import { createMessageHandler, type Post } from './handler';
import { buildAutoencoder } from '../models/model';
import { fetchPretrained } from '../models/pretrainedFiles';
import { Trainer } from '../training/trainer';

export function startHandler(post: Post): (message: ToWorker) => void {
  return createMessageHandler(post, {
    createLoader: (baseUrl) => createDatasetLoader({ baseUrl }),
    selectBackend,
    createTrainer: (options) => new Trainer(options),
    buildModel: buildAutoencoder,
    createGpuGuard,
    loadPretrained: fetchPretrained,
  });
}
