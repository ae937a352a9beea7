import type { BackendProbe } from '../../shared/bench';
import type { BackendChoice, BackendName } from '../../shared/config';
import { BackendSpeeds } from './BackendSpeeds';

export interface BackendStatusProps {
  backend: { name: BackendName; reason: string | null; probe: BackendProbe | null } | null;
  /** What the link asked for (backend=...). */
  backendChoice: BackendChoice;
}

const BACKEND_TEXT: Record<BackendName, string> = {
  webgl: 'WebGL (graphics card)',
  wasm: 'WebAssembly (processor)',
  cpu: 'plain JavaScript (processor, slow)',
};

/** Where the maths runs and why, the speeds the choice was based on, and the other choices. */
export function BackendStatus({ backend, backendChoice }: BackendStatusProps) {
  return (
    <div className="ll-backend">
      <p className="ll-status__backend">
        Computing with {backend === null ? '…' : BACKEND_TEXT[backend.name]}
        {backend !== null && backend.name !== 'webgl' && backend.reason ? (
          <span className="ll-status__reason"> (not WebGL: {backend.reason})</span>
        ) : null}
      </p>
      {backend !== null ? <BackendSpeeds probe={backend.probe} chosen={backendChoice} /> : null}
    </div>
  );
}
