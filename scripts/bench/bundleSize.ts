/**
 * Sizes of the built JavaScript, gzipped as a server would send it (level 9): what the page
 * loads before the first click, and what the workers load at start-up (tfjs-core and layers; a
 * tfjs backend is loaded only when it starts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSizes {
  /** JavaScript the page itself fetched before the first click. */
  pageJs: FileSize[];
  pageJsGzipBytes: number;
  /** Whether any of that page JavaScript contains tfjs (it must not). */
  pageJsHasTfjs: boolean;
  worker: FileSize[];
  workerGzipBytes: number;
}

/**
 * Names only tfjs's own code contains: a kernel of tfjs-core and a flag of the WebGL backend.
 * (Not "TensorFlow.js": the page's text mentions it, when it explains a model file.)
 */
const TFJS_MARKERS = ['BatchMatMul', 'WEBGL_VERSION'];

function sizeOf(outDir: string, file: string): FileSize {
  const bytes = readFileSync(path.join(outDir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

const sum = (files: FileSize[]) => files.reduce((total, f) => total + f.gzipBytes, 0);

/** Chunks that `roots` import statically, however deep (`from"./x.js"`, `import"./x.js"`). */
function staticClosure(outDir: string, roots: string[]): string[] {
  const seen = new Set<string>(roots);
  const queue = [...roots];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const text = readFileSync(path.join(outDir, 'assets', name), 'utf8');
    for (const [, imported] of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      if (!seen.has(imported)) {
        seen.add(imported);
        queue.push(imported);
      }
    }
  }
  return [...seen];
}

/** `pageUrls`: the .js resources the page loaded (from Resource Timing). */
export function bundleSizes(outDir: string, pageUrls: string[]): BundleSizes {
  const assets = readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
  const pageFiles = [
    ...new Set(
      pageUrls
        .map((url) => path.basename(new URL(url).pathname))
        .filter((name) => assets.includes(name)),
    ),
  ].map((name) => `assets/${name}`);
  // What the workers load at start-up: their entries and the chunks those import (tfjs-core and
  // layers). The backends are left out: each is imported only when it starts.
  const workerFiles = staticClosure(
    outDir,
    assets.filter((f) => /worker/i.test(f)),
  ).map((f) => `assets/${f}`);
  const pageJs = pageFiles.filter((f) => !workerFiles.includes(f)).map((f) => sizeOf(outDir, f));
  const worker = workerFiles.map((f) => sizeOf(outDir, f));
  return {
    pageJs,
    pageJsGzipBytes: sum(pageJs),
    pageJsHasTfjs: pageJs.some((f) => {
      const text = readFileSync(path.join(outDir, f.file), 'utf8');
      return TFJS_MARKERS.some((marker) => text.includes(marker));
    }),
    worker,
    workerGzipBytes: sum(worker),
  };
}
