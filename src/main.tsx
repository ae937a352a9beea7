import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createController } from './state/controller';
import { initialState } from './state/appState';
import { createStore } from './state/store';
import { configFromSearch } from './shared/config';
import './app/app.css';
import './components/components.css';
import './components/latent.css';
import './components/lab.css';

const { config, problems } = configFromSearch(window.location.search);
const store = createStore(initialState(config, problems));
const controller = createController(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} controller={controller} />
  </StrictMode>,
);
