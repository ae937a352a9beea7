/**
 * Starts the dataset download before the rest of the worker has loaded. The worker entry
 * calls start() as soon as the page says where the data lives; the message handler, which
 * arrives later with tfjs, asks loaderFor() for the same loader and receives the progress
 * reported so far plus everything after, as if it had started the download itself.
 */
import type { DataProgress } from '../shared/protocol';
import type { DatasetLoader, MnistData } from './dataset';

export interface Prefetcher {
  /** Begins loading from `baseUrl` (once per URL); its outcome goes to the handler's first load(). */
  start(baseUrl: string): void;
  /** The loader for `baseUrl`: the prefetching one when start() was called with it. */
  loaderFor(baseUrl: string): DatasetLoader;
}

interface PrefetchingLoader extends DatasetLoader {
  prefetch(): void;
}

export function createPrefetcher(createLoader: (baseUrl: string) => DatasetLoader): Prefetcher {
  const loaders = new Map<string, PrefetchingLoader>();

  const relayed = (baseUrl: string): PrefetchingLoader => {
    const inner = createLoader(baseUrl);
    let listener: ((progress: DataProgress) => void) | null = null;
    let latest: DataProgress | null = null;
    const relay = (progress: DataProgress) => {
      latest = progress;
      listener?.(progress);
    };
    let prefetch: Promise<MnistData> | null = null;
    return {
      prefetch() {
        prefetch ??= inner.load(relay);
        // Kept for the first load() below, which sees a failure; until then it is handled.
        prefetch.catch(() => undefined);
      },
      load(onProgress) {
        listener = onProgress;
        // The first load() gets the prefetch's own outcome, so a fault is reported once, not
        // after a second round of retries; later calls (Retry) start a new try.
        const first = prefetch;
        prefetch = null;
        if (!first) return inner.load(relay);
        // Joining the download under way: show where it is (not a finished try's last state).
        if (latest) onProgress(latest);
        return first;
      },
    };
  };

  const loaderFor = (baseUrl: string): PrefetchingLoader => {
    let loader = loaders.get(baseUrl);
    if (!loader) {
      loader = relayed(baseUrl);
      loaders.set(baseUrl, loader);
    }
    return loader;
  };

  return {
    start: (baseUrl) => loaderFor(baseUrl).prefetch(),
    loaderFor,
  };
}
