/** Downloads a file the manifest lists and accepts it only if its size and SHA-256 match. */
import type { FileEntry } from '../../shared/manifest';
import { dataErrors } from './dataLoadError';
import { download } from './download';
import { sha256Hex } from './sha256';

export interface FetchVerifiedOptions {
  fetch: typeof fetch;
  baseUrl: string;
  entry: FileEntry;
  timeoutMs: number;
  onBytes: (received: number) => void;
}

export async function fetchVerified(
  options: FetchVerifiedOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const { entry } = options;
  const bytes = await download({
    fetch: options.fetch,
    url: new URL(entry.file, options.baseUrl).href,
    file: entry.file,
    timeoutMs: options.timeoutMs,
    expectedBytes: entry.bytes,
    onBytes: options.onBytes,
    missing: dataErrors.missing,
  });
  if ((await sha256Hex(bytes)) !== entry.sha256) throw dataErrors.checksum(entry.file);
  return bytes;
}
