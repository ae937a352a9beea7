import type { DataFault, FromWorker } from '../../shared/protocol';

/** The fields of a `dataError` message. */
export type DataErrorInfo = Omit<Extract<FromWorker, { type: 'dataError' }>, 'type'>;

export interface DataErrorPanelProps {
  error: DataErrorInfo;
  /** Called by the Retry button, shown only when `error.retryable` and this is given. */
  onRetry?: () => void;
}

const FAULT_TEXT: Record<DataFault, string> = {
  missing: 'The file is missing: the server did not find it.',
  truncated: 'The file is incomplete: the download was cut short.',
  checksum:
    'Its checksum (a fingerprint of the contents) does not match: the file is damaged or has changed.',
  'wrong-size': 'The file is not the size we expected, so it cannot hold the right pixels.',
  'manifest-missing': 'The list of data files is missing: the server did not find it.',
  'manifest-malformed': 'The list of data files could not be read.',
  network: 'The network request failed. Check the connection.',
  unsupported: 'This browser lacks a feature needed to read the data.',
};

/** Says which data file failed and how, with a Retry button when trying again can help. */
export function DataErrorPanel({ error, onRetry }: DataErrorPanelProps) {
  return (
    <div className="ll-panel ll-alert ll-alert--error" role="alert">
      <p className="ll-alert__title">The digits could not be loaded.</p>
      <p>
        Problem with <code className="ll-code">{error.file}</code>: {FAULT_TEXT[error.fault]}
      </p>
      {error.message ? <p className="ll-alert__detail">Details: {error.message}</p> : null}
      {error.retryable && onRetry ? (
        <button type="button" className="ll-btn ll-btn--primary" onClick={onRetry}>
          Retry
        </button>
      ) : (
        <p>
          {error.fault === 'unsupported'
            ? 'Please open Latent Lab in an up-to-date Chrome, Edge, Firefox or Safari.'
            : 'Trying again will not help: the data files on the server need fixing.'}
        </p>
      )}
    </div>
  );
}
