/**
 * Downloads one file as bytes, streaming the body so the page can show byte progress, and
 * turns every way that can fail into a DataLoadError naming the file.
 */
import { dataErrors, type DataLoadError } from './dataLoadError';

export interface DownloadOptions {
  fetch: typeof fetch;
  url: string;
  /** The name shown in messages. */
  file: string;
  /** Abort when no bytes arrive for this long (a stall, not a total time: big files on slow links are fine). */
  timeoutMs: number;
  /** The exact size, when known: the body is then checked against it. */
  expectedBytes?: number;
  /** Called with the bytes received so far after every chunk. */
  onBytes?: (received: number) => void;
  /** The error for "the server does not have it" (a data file and the manifest word it differently). */
  missing: (file: string, how: string) => DataLoadError;
}

/** A manifest larger than this is not ours; stop reading rather than fill memory. */
const UNKNOWN_SIZE_LIMIT = 1 << 20;

export async function download(options: DownloadOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { file, timeoutMs } = options;
  const controller = new AbortController();
  // Aborting a fetch errors its promise and body in browsers, but not every fetch (polyfills,
  // test doubles) honours the signal, so a stall must also win the race against them.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
      once: true,
    });
  });
  aborted.catch(() => undefined);
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armStallTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  const networkError = (error: unknown, received: number | null) => {
    const after = received === null ? '' : ` after ${received.toLocaleString('en-US')} bytes`;
    return timedOut
      ? dataErrors.network(
          file,
          `no data arrived for ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} seconds` : `${timeoutMs} ms`}${after}`,
        )
      : dataErrors.network(file, `the connection failed${after} (${errorText(error)})`);
  };

  armStallTimer();
  try {
    let response: Response;
    try {
      // no-cache revalidates with the server (cheap 304s), so a redeploy never mixes stale
      // cached files with a fresh manifest; the file names carry no content hash.
      const request = options.fetch(options.url, { signal: controller.signal, cache: 'no-cache' });
      response = await Promise.race([request, aborted]);
    } catch (error) {
      throw networkError(error, null);
    }
    if (response.status === 404 || response.status === 410) {
      throw options.missing(file, `the server answered HTTP ${response.status} for it`);
    }
    if (!response.ok) {
      throw dataErrors.network(file, `the server answered HTTP ${response.status}`);
    }
    // Single-page-app hosts (and dev servers) answer unknown paths with index.html and 200.
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      throw options.missing(file, 'the server sent a web page in its place');
    }
    return await readBody(response, options, aborted, armStallTimer, networkError);
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(
  response: Response,
  options: DownloadOptions,
  aborted: Promise<never>,
  onChunk: () => void,
  networkError: (error: unknown, received: number) => DataLoadError,
): Promise<Uint8Array<ArrayBuffer>> {
  const { file, expectedBytes } = options;
  const limit = expectedBytes ?? UNKNOWN_SIZE_LIMIT;
  // Known size: fill one buffer in place instead of concatenating chunks at the end.
  const chunks: Uint8Array[] = [];
  const target = expectedBytes === undefined ? null : new Uint8Array(expectedBytes);
  let received = 0;

  const reader = response.body?.getReader();
  while (reader) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await Promise.race([reader.read(), aborted]);
    } catch (error) {
      reader.cancel().catch(() => undefined);
      throw networkError(error, received);
    }
    if (result.done) break;
    const chunk = result.value;
    if (received + chunk.length > limit) {
      await reader.cancel().catch(() => undefined);
      throw expectedBytes === undefined
        ? dataErrors.manifestMalformed(
            file,
            `it is larger than ${limit.toLocaleString('en-US')} bytes.`,
          )
        : dataErrors.tooLong(file, expectedBytes);
    }
    if (target) target.set(chunk, received);
    else chunks.push(chunk);
    received += chunk.length;
    onChunk();
    options.onBytes?.(received);
  }

  if (target) {
    if (received < target.length) throw dataErrors.truncated(file, received, target.length);
    return target;
  }
  const whole = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
