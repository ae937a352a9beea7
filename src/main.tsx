/**
 * The page's entry, kept tiny on purpose: it starts the data worker and only then loads the
 * app. The digits' download is the longest wait on the first screen, and this way it begins
 * as soon as this small file has run, instead of after the browser has compiled and run React
 * and the whole app (one task of ~65 ms on the test machine). The styles stay here, so they
 * arrive with the page and the static first screen in index.html is styled from its first paint.
 */
import { dataBaseUrl, startDataWorker, supportsModuleWorkers } from './client/workerClient';
import { showBootFailure } from './client/bootFailure';
import './app/app.css';
import './components/components.css';
import './components/latent.css';
import './components/lab.css';

const dataWorker = supportsModuleWorkers() ? startDataWorker(dataBaseUrl()) : null;

import('./app/boot').then(
  ({ boot }) => boot(dataWorker),
  (error: unknown) => showBootFailure(error),
);
