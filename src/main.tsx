import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startDataWorker, supportsModuleWorkers } from './client/workerClient';
import { createController, dataBaseUrl } from './state/controller';
import { initialState } from './state/appState';
import { createStore } from './state/store';
import { configFromSearch } from './shared/config';
import './app/app.css';
import './components/components.css';
import './components/latent.css';
import './components/lab.css';

// The digits' download is the longest wait on the first screen: it starts now, in its own
// thread, while the browser paints the static first screen and React renders the rest.
const dataWorker = supportsModuleWorkers() ? startDataWorker(dataBaseUrl()) : null;

function start(): void {
  const { config, problems } = configFromSearch(window.location.search);
  const store = createStore(initialState(config, problems));
  const controller = createController(store, dataWorker);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // A transition renders in slices that let the browser breathe between them, instead of one
  // long task for the whole page; the static first screen stays on show until it commits.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App store={store} controller={controller} />
      </StrictMode>,
    );
  });
}

// index.html already holds the first screen: let the browser paint it before the app (and the
// training worker it spawns, which competes for the CPU) starts. requestAnimationFrame runs just
// before the next paint and the timeout just after it. Hidden tabs get no frames: start at once.
if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(start, 0));
else start();
