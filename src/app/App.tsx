import type { AppState } from '../state/appState';
import type { Controller } from '../state/controller';
import { useStore, type Store } from '../state/store';
import { ConfigProblems } from '../components/ConfigProblems';
import { Controls } from '../components/Controls';
import { DataErrorPanel } from '../components/DataErrorPanel';
import { DatasetPanel } from '../components/DatasetPanel';
import { Intro } from '../components/Intro';
import { LoadingPanel } from '../components/LoadingPanel';
import { LossChart } from '../components/LossChart';
import { ModelSummaryPanel } from '../components/ModelSummaryPanel';
import { Reconstructions } from '../components/Reconstructions';
import { StatusPanel } from '../components/StatusPanel';
import { DataCheck } from './DataCheck';
import { RunErrorBanner } from './RunErrorBanner';
import { toStatusProps } from './statusProps';

export interface AppProps {
  store: Store<AppState>;
  controller: Controller;
}

const selectAll = (state: AppState) => state;

/** The page: intro and controls on top, training on the left, model and data on the right. */
export function App({ store, controller }: AppProps) {
  const state = useStore(store, selectAll);
  const { data } = state;
  const ready = data.status === 'ready' ? data.data : null;

  return (
    <div className="ll-app">
      <header className="ll-header">
        <Intro latentDim={state.config.latentDim} />
      </header>
      <ConfigProblems problems={state.configProblems} />
      {data.status === 'loading' && <LoadingPanel progress={data.progress} />}
      {data.status === 'error' && (
        <DataErrorPanel error={data} onRetry={data.retryable ? controller.retryData : undefined} />
      )}
      {state.runError && <RunErrorBanner message={state.runError} />}
      <main className="ll-main">
        <div className="ll-column ll-column--train">
          <section className="ll-panel ll-run" aria-label="Training">
            <Controls
              dataReady={ready !== null && state.summary !== null}
              state={state.runState}
              onTrain={controller.train}
              onPause={controller.pause}
              onResume={controller.resume}
              onStep={controller.step}
              onStop={controller.stop}
              onReset={controller.reset}
            />
            <StatusPanel {...toStatusProps(state)} />
          </section>
          <LossChart
            losses={state.losses}
            epochSummaries={state.epochSummaries}
            epochs={state.progress?.epochs ?? state.config.epochs}
          />
          {ready && <Reconstructions probes={ready.probes} reconstruction={state.reconstruction} />}
        </div>
        <div className="ll-column ll-column--model">
          {state.summary && <ModelSummaryPanel summary={state.summary} />}
          {ready && (
            <DatasetPanel
              trainCount={ready.trainCount}
              testCount={ready.testCount}
              samples={ready.samples}
              credit={ready.credit}
            />
          )}
          {ready && <DataCheck data={ready} />}
        </div>
      </main>
    </div>
  );
}
