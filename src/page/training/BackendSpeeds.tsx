import type { BackendProbe, BackendSpeed } from '../../shared/bench';
import { BACKEND_CHOICES, type BackendChoice } from '../../shared/config';

export interface BackendSpeedsProps {
  /** The probe behind an automatic choice; null when the link forced a backend. */
  probe: BackendProbe | null;
  /** What the link asked for (backend=...), so the override links can mark it. */
  chosen: BackendChoice;
}

const SHORT_NAME: Record<BackendChoice, string> = {
  auto: 'automatic',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'JavaScript',
};

function speedText(speed: BackendSpeed): string {
  const threads = speed.threads && speed.threads > 1 ? ` on ${speed.threads} threads` : '';
  if (speed.msPerStep !== null)
    return `${SHORT_NAME[speed.name]}${threads} ${Math.round(speed.msPerStep)} ms/step`;
  return `${SHORT_NAME[speed.name]} not measured`;
}

/** The current page's link with backend= changed (other parameters and the chapter kept). */
function linkFor(choice: BackendChoice): string {
  const url = new URL(window.location.href);
  if (choice === 'auto') url.searchParams.delete('backend');
  else url.searchParams.set('backend', choice);
  // The #chapter stays: the page reopens where the reader was.
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The speeds the automatic choice was based on ("measured: WebAssembly 14 ms/step, WebGL 60
 * ms/step"), and links to train somewhere else instead. A link reloads the page: the worker's
 * backend is fixed for its lifetime. The probe times a handful of the very first steps, which
 * run two or three times slower than training settles to (the wasm code is still being
 * optimised, buffers are new): it says so, so nobody reads it as the training speed.
 */
export function BackendSpeeds({ probe, chosen }: BackendSpeedsProps) {
  const others = BACKEND_CHOICES.filter((choice) => choice !== chosen);
  return (
    <p className="ll-status__speeds">
      {probe ? (
        <span>
          Measured{probe.cached ? ' earlier on this device' : ''} over the first few steps (training
          then runs faster): {probe.speeds.map(speedText).join(', ')}.{' '}
        </span>
      ) : null}
      <span>
        Use instead:{' '}
        {others.map((choice, i) => (
          <span key={choice}>
            {i > 0 ? ' · ' : null}
            <a href={linkFor(choice)}>{SHORT_NAME[choice]}</a>
          </span>
        ))}
      </span>
    </p>
  );
}
