import { useId } from 'react';
import type { FromWorker } from '../../shared/protocol';
import { formatMegabytes } from '../ui/format';

/** The numbers of a `dataProgress` message. */
export type DataProgressInfo = Omit<Extract<FromWorker, { type: 'dataProgress' }>, 'type'>;

export interface LoadingPanelProps {
  /** null until the first progress message: the bar then shows activity without a value. */
  progress: DataProgressInfo | null;
}

/** Download progress of the dataset: a real bar, megabytes and files. */
export function LoadingPanel({ progress }: LoadingPanelProps) {
  const titleId = useId();
  const known = progress !== null && progress.totalBytes > 0;
  return (
    <section className="ll-panel ll-loading" aria-labelledby={titleId} aria-busy="true">
      <h2 id={titleId} className="ll-panel__title">
        Downloading the digits
      </h2>
      <progress
        className="ll-loading__bar"
        aria-label="Loading dataset"
        max={known ? progress.totalBytes : undefined}
        value={known ? Math.min(progress.loadedBytes, progress.totalBytes) : undefined}
      />
      {progress === null ? (
        <p className="ll-loading__text">Starting the download…</p>
      ) : (
        <p className="ll-loading__text">
          <span className="ll-num">
            {formatMegabytes(progress.loadedBytes)} MB of {formatMegabytes(progress.totalBytes)} MB
          </span>
          <span className="ll-loading__sep" aria-hidden="true">
            {' · '}
          </span>
          <span className="ll-num">
            {progress.filesDone} of {progress.filesTotal} files
          </span>
          {progress.currentFile && progress.filesDone < progress.filesTotal ? (
            <span className="ll-loading__file"> (now: {progress.currentFile})</span>
          ) : null}
        </p>
      )}
      {progress?.retryNote ? (
        <p className="ll-loading__retry" role="status">
          {progress.retryNote}
        </p>
      ) : null}
    </section>
  );
}
