import type { ReadyData } from '../state/appState';

/**
 * Proof that the browser decoded the digits exactly: the worker hashes every decoded pixel and
 * checks it against the hash of the original IDX files. Tucked away; curious students can look.
 */
export function DataCheck({ data }: { data: ReadyData }) {
  const megabytes = (data.totalBytes / 1e6).toFixed(1);
  return (
    <details className="ll-panel ll-datacheck">
      <summary>Data check</summary>
      <p>
        {megabytes} MB of sprite sheets, each checked against its SHA-256, decoded in{' '}
        {(data.loadMs / 1000).toFixed(1)} s. Every decoded pixel matches the original MNIST files:
      </p>
      <dl>
        <dt>Training pixels</dt>
        <dd>
          <code aria-label="SHA-256 of the decoded training pixels">{data.pixelDigests.train}</code>
        </dd>
        <dt>Test pixels</dt>
        <dd>
          <code aria-label="SHA-256 of the decoded test pixels">{data.pixelDigests.test}</code>
        </dd>
      </dl>
    </details>
  );
}
