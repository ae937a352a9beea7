import type { BackendChoice, BackendName } from '../../shared/config';
import type { BackendInfo } from '../store/appState';
import { BackendSpeeds } from './BackendSpeeds';

export interface BackendStatusProps {
  backend: BackendInfo | null;
  /** What the link asked for (backend=...). */
  backendChoice: BackendChoice;
}

const BACKEND_TEXT: Record<BackendName, string> = {
  webgl: 'WebGL (graphics card)',
  wasm: 'WebAssembly (processor)',
  cpu: 'plain JavaScript (processor, slow)',
};

/** ", 2 threads" on WebAssembly, where training can share the batch between cores. */
function threadsText(backend: BackendInfo): string {
  if (backend.name !== 'wasm') return '';
  return `, ${backend.threads} ${backend.threads === 1 ? 'thread' : 'threads'}`;
}

/** Where the maths runs and why, the speeds the choice was based on, and the other choices. */
export function BackendStatus({ backend, backendChoice }: BackendStatusProps) {
  return (
    <div className="ll-backend">
      <p className="ll-status__backend">
        Computing with {backend === null ? '…' : BACKEND_TEXT[backend.name]}
        {backend !== null ? threadsText(backend) : null}
        {backend !== null && backend.name !== 'webgl' && backend.reason ? (
          <span className="ll-status__reason"> (not WebGL: {backend.reason})</span>
        ) : null}
        {backend?.name === 'wasm' && backend.threadsReason ? (
          <span className="ll-status__reason"> (one thread: {backend.threadsReason})</span>
        ) : null}
      </p>
      {backend !== null ? <BackendSpeeds probe={backend.probe} chosen={backendChoice} /> : null}
    </div>
  );
}
