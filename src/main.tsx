/**
 * The page's entry, kept tiny on purpose: it starts the data worker and only then loads the
 * app. The digits' download is the longest wait on the first screen, and this way it begins
 * as soon as this small file has run, instead of after the browser has compiled and run React
 * and the whole app (one task of ~65 ms on the test machine). The styles stay here, so they
 * arrive with the page and the static first screen in index.html is styled from its first paint.
 */
import { dataBaseUrl, startDataWorker, supportsModuleWorkers } from './page/client/workerClient';
import { showBootFailure } from './page/client/bootFailure';
import './page/shell/app.css';
import './page/shell/masthead.css';
import './page/shell/runbar.css';
import './page/ui/components.css';
import './page/latent/latent.css';
import './page/training/lab.css';

const dataWorker = supportsModuleWorkers() ? startDataWorker(dataBaseUrl()) : null;

import('./page/shell/boot').then(
  ({ boot }) => boot(dataWorker),
  (error: unknown) => showBootFailure(error),
);
