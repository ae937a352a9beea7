import type { AppState } from '../store/appState';
import type { Controller } from '../store/controller';
import { RunErrorBanner } from './RunErrorBanner';

export interface RunBannersProps {
  state: AppState;
  controller: Controller;
}

/**
 * A run's problem with the way out (Reset after a divergence, Restart after a crash), and a
 * calm note when a fault was survived (the GPU lost its context and training went on).
 */
export function RunBanners({ state, controller }: RunBannersProps) {
  const kind = state.reliability.runErrorKind;
  const action =
    kind === 'diverged'
      ? { label: 'Reset', onClick: controller.reset }
      : kind === 'crashed'
        ? { label: 'Restart', onClick: controller.restartWorker }
        : undefined;
  return (
    <>
      {state.runError && <RunErrorBanner message={state.runError} action={action} />}
      {state.reliability.notice && (
        <div className="ll-banner ll-banner--notice" role="status">
          {state.reliability.notice}
        </div>
      )}
    </>
  );
}
