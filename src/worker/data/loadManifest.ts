/** Fetches and validates manifest.json, with faults that tell a missing one from a broken one. */
import {
  MANIFEST_FILE,
  ManifestError,
  parseManifest,
  type MnistManifest,
} from '../../shared/manifest';
import { dataErrors } from './dataLoadError';
import { download } from './download';

export async function loadManifest(
  fetchImpl: typeof fetch,
  baseUrl: string,
  timeoutMs: number,
): Promise<MnistManifest> {
  const bytes = await download({
    fetch: fetchImpl,
    url: new URL(MANIFEST_FILE, baseUrl).href,
    file: MANIFEST_FILE,
    timeoutMs,
    missing: dataErrors.manifestMissing,
  });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw dataErrors.manifestMalformed(MANIFEST_FILE, 'it is not valid JSON.');
  }
  try {
    return parseManifest(json);
  } catch (error) {
    if (error instanceof ManifestError) {
      throw dataErrors.manifestMalformed(MANIFEST_FILE, error.message);
    }
    throw error;
  }
}
