import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { cspPlugin, offlinePlugin } from './scripts/vite-plugin-offline.ts';
import { resolveBasePath } from './scripts/lib/basePath.ts';

// Cross-origin isolation (issue 24): with these two headers the page may use SharedArrayBuffer,
// which training on several threads needs. Every file the app loads is its own, so require-corp
// costs nothing. Static hosts without headers get them from the service worker (src/sw/).
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// A relative base lets dist/ be served from any folder of any static host; BASE_PATH=/folder/
// pins it (docs/deploy.md).
export default defineConfig({
  base: resolveBasePath(process.env.BASE_PATH),
  // offline: the service worker and its file list; csp: the built page's security policy.
  plugins: [react(), offlinePlugin(), cspPlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, headers: ISOLATION_HEADERS },
  preview: { port: 4173, headers: ISOLATION_HEADERS },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Vitest's default leaves one core idle; the files are independent, so use them all.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
