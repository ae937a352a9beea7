/**
 * The plainest static host we can think of, to prove dist/ needs nothing more: files from one
 * folder under one URL prefix, a Content-Type by extension, and 404 for everything else. No
 * rewrites, no redirects, no caching or security headers, no COOP/COEP.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/school/latent-lab/ */
  url: string;
  origin: string;
  /** Every path asked for, in order, so a test can see what the browser fetched. */
  requested: string[];
  close(): Promise<void>;
}

/** Resolves a request path to a file inside `root`, or null (outside the prefix or the folder). */
function fileFor(root: string, prefix: string, pathname: string): string | null {
  if (!pathname.startsWith(prefix)) return null;
  let relativePath: string;
  try {
    relativePath = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
  const path = resolve(root, relativePath);
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const stats = statSync(path);
    if (stats.isFile()) return path;
    // What every static host does for a folder: its index.html.
    if (stats.isDirectory() && pathname.endsWith('/')) {
      const index = join(path, 'index.html');
      return statSync(index).isFile() ? index : null;
    }
  } catch {
    return null;
  }
  return null;
}

/** Serves `folder` at http://127.0.0.1:<free port><prefix>; `prefix` starts and ends with '/'. */
export async function startStaticServer(folder: string, prefix: string): Promise<StaticServer> {
  const root = resolve(folder);
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    requested.push(pathname);
    const file =
      request.method === 'GET' || request.method === 'HEAD'
        ? fileFor(root, prefix, pathname)
        : null;
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'Content-Type': type });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    requested,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Chromium keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
