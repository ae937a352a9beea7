/**
 * Decides whether public/data/mnist is current, so `npm run dev` and `npm run build` do not
 * spend seconds re-encoding sheets: the manifest must come from this generator and these exact
 * IDX inputs, and every file it lists must be present with its size and hash.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MANIFEST_FILE,
  manifestFiles,
  parseManifest,
  type FileEntry,
  type MnistManifest,
} from '../../src/shared/manifest';
import { sha256Hex } from './sha256';

export type OutputStatus =
  { upToDate: true; manifest: MnistManifest } | { upToDate: false; reason: string };

async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function outputStatus(
  folder: string,
  generator: string,
  inputs: FileEntry[],
): Promise<OutputStatus> {
  const text = await readIfPresent(join(folder, MANIFEST_FILE));
  if (!text) return { upToDate: false, reason: 'no manifest yet' };
  let manifest: MnistManifest;
  try {
    manifest = parseManifest(JSON.parse(text.toString('utf8')));
  } catch (error) {
    return { upToDate: false, reason: `unreadable manifest: ${String(error)}` };
  }
  if (manifest.generator !== generator) {
    return { upToDate: false, reason: `made by ${manifest.generator}, now ${generator}` };
  }
  if (JSON.stringify(manifest.inputs) !== JSON.stringify(inputs)) {
    return { upToDate: false, reason: 'the IDX input files changed' };
  }
  // Hashing the ~16 MB of outputs takes a few tens of ms and catches edited files too.
  for (const entry of manifestFiles(manifest)) {
    const bytes = await readIfPresent(join(folder, entry.file));
    if (!bytes) return { upToDate: false, reason: `${entry.file} is missing` };
    if (bytes.length !== entry.bytes || sha256Hex(bytes) !== entry.sha256) {
      return { upToDate: false, reason: `${entry.file} differs from the manifest` };
    }
  }
  return { upToDate: true, manifest };
}

/** The manifest as written to disk: stable key order and a trailing newline. */
export function manifestText(manifest: MnistManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
