/**
 * Build-time pieces of issue 9, as two small Vite plugins:
 * - offlinePlugin: builds src/sw/sw.ts to sw.js and writes on its first line the list of every
 *   built file plus the dataset files named in public/data/mnist/manifest.json, with a version
 *   hashed from all their contents, so each deploy gets its own cache and the old one goes.
 * - cspPlugin: puts a strict Content-Security-Policy in the built index.html (not in the dev
 *   server, whose hot reload needs inline scripts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { PRECACHE_GLOBAL, type Precache, type PrecacheEntry } from '../src/sw/precache.ts';

const SW_ENTRY = 'src/sw/sw.ts';
const SW_FILE = 'sw.js';
const DATA_DIR = 'data/mnist';

interface ManifestFiles {
  splits: Record<
    string,
    { sheets: { file: string; sha256: string }[]; labels: { file: string; sha256: string } }
  >;
}

/** Every file under `dir`, as slash-separated paths relative to `root`. */
function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? listFiles(root, path)
      : [relative(root, path).split('\\').join('/')];
  });
}

function dataEntries(publicDir: string): { entries: PrecacheEntry[]; manifestText: string } {
  const manifestPath = join(publicDir, DATA_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) return { entries: [], manifestText: '' };
  const manifestText = readFileSync(manifestPath, 'utf8');
  const manifest = JSON.parse(manifestText) as ManifestFiles;
  const files = Object.values(manifest.splits).flatMap((split) => [...split.sheets, split.labels]);
  return {
    manifestText,
    entries: [
      { url: `${DATA_DIR}/manifest.json` },
      ...files.map((f) => ({ url: `${DATA_DIR}/${f.file}`, sha256: f.sha256 })),
    ],
  };
}

export function offlinePlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'latent-lab-offline',
    apply: 'build',
    // After Vite's own generateBundle, which is when index.html joins the bundle.
    enforce: 'post',
    config(config) {
      const root = config.root ?? process.cwd();
      const input = { index: resolve(root, 'index.html'), sw: resolve(root, SW_ENTRY) };
      return {
        build: {
          rollupOptions: {
            input,
            output: {
              // The service worker needs a fixed name (its URL is its identity) next to index.html.
              entryFileNames: (chunk: { name: string }) =>
                chunk.name === 'sw' ? SW_FILE : 'assets/[name]-[hash].js',
            },
          },
        },
      };
    },
    configResolved(resolved) {
      publicDir = resolved.publicDir;
    },
    generateBundle(_options, bundle) {
      const sw = bundle[SW_FILE];
      if (!sw || sw.type !== 'chunk') throw new Error(`${SW_FILE} was not built`);
      if (sw.imports.length > 0) throw new Error(`${SW_FILE} must not import other chunks`);
      const version = createHash('sha256');
      const built = Object.values(bundle)
        .filter((file) => file.fileName !== SW_FILE && !file.fileName.endsWith('.map'))
        .sort((a, b) => a.fileName.localeCompare(b.fileName));
      for (const file of built) {
        version.update(file.fileName).update(file.type === 'chunk' ? file.code : file.source);
      }
      // public/ files other than the dataset (favicon, web app manifest and icons, pretrained
      // model) are copied as they are, and cached too so the installed app starts offline.
      const publicFiles = existsSync(publicDir)
        ? listFiles(publicDir).filter((f) => !f.startsWith(`${DATA_DIR}/`))
        : [];
      for (const f of publicFiles) version.update(f).update(readFileSync(join(publicDir, f)));
      const data = dataEntries(publicDir);
      version.update(data.manifestText);
      const precache: Precache = {
        version: version.digest('hex').slice(0, 16),
        files: [
          ...built.map((file) => ({ url: file.fileName })),
          ...publicFiles.map((url) => ({ url })),
          ...data.entries,
        ],
      };
      sw.code = `self.${PRECACHE_GLOBAL} = ${JSON.stringify(precache)};\n${sw.code}`;
    },
  };
}

/** Self-hosted everything: scripts, styles, workers, data and fonts all come from our origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // wasm-unsafe-eval compiles the WebAssembly backend; nothing here evaluates strings as code.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'latent-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
