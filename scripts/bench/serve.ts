/** Builds the app into a folder of its own and serves that build, as a static host would. */
import { build, preview, type PreviewServer } from 'vite';

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function buildApp(outDir: string): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

export async function serve(outDir: string, port: number): Promise<Served> {
  const server: PreviewServer = await preview({
    preview: { port, host: '127.0.0.1', strictPort: port !== 0 },
    build: { outDir },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return {
    url,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
