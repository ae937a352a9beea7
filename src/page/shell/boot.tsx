/**
 * The app proper: store, controller (which takes over the data worker main.tsx started) and
 * React. Loaded by main.tsx after the data worker is on its way.
 */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import type { DataWorkerStart } from '../client/workerClient';
import { configFromSearch } from '../../shared/config';
import { initialState } from '../store/appState';
import { createController } from '../store/controller';
import { createStore } from '../store/store';
import { App } from './App';

function start(dataWorker: DataWorkerStart | null): void {
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

export function boot(dataWorker: DataWorkerStart | null): void {
  // index.html already holds the first screen: let the browser paint it before the app (and
  // the training worker it spawns, which competes for the CPU) starts. requestAnimationFrame
  // runs just before the next paint and the timeout just after it. Hidden tabs get no frames:
  // start at once.
  if (document.visibilityState === 'visible') {
    requestAnimationFrame(() => setTimeout(() => start(dataWorker), 0));
  } else {
    start(dataWorker);
  }
}
