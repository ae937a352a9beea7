/**
 * Loads MNIST inside the worker: manifest.json first, then every sprite sheet and label file
 * (a few at a time, each verified by size and SHA-256), each sheet decoded into an array of its
 * own (pixelChunks.ts) and checked against the manifest's SHA-256 of its pixels too.
 * A failed load keeps what it verified, so load() again (Retry) fetches only what failed, plus
 * the small manifest, which is read afresh on every try.
 */
import {
  SPLIT_NAMES,
  type FileEntry,
  type SheetEntry,
  type SplitName,
} from '../../shared/manifest';
import type { DataProgress, DatasetCredit, SheetDigest } from '../../shared/protocol';
import { DataLoadError, dataErrors } from './dataLoadError';
import { DecodedSizeError, decodeSheet } from '../decode/decodeSheet';
import { fetchVerified } from './fetchVerified';
import { loadManifest } from './loadManifest';
import type { PixelChunks } from './pixelChunks';
import { oneAtATime, settleAll, settled } from './pool';
import { createThrottle } from './progressThrottle';
import { DEFAULT_RETRY, withRetries, type RetryNotice, type RetryPolicy } from './retry';
import { layoutOf, sheetReader, type SheetPixels, type SheetReader } from '../decode/sheetPixels';
import { sheetKey, splitCacheFor, type SplitCache } from './splitCache';

export { DataLoadError } from './dataLoadError';
export type { SheetReader } from '../decode/sheetPixels';

/** A split's images, one chunk per sprite sheet, and its labels. */
export interface SplitData extends PixelChunks {
  labels: Uint8Array;
}

export interface MnistData {
  train: SplitData;
  test: SplitData;
  credit: DatasetCredit;
  /** Bytes of all sheets and label files (the manifest not included). */
  totalBytes: number;
  /** Every sheet's checked pixel digest, in file order. */
  pixelDigests: SheetDigest[];
}

export type { DataProgress } from '../../shared/protocol';

export interface DatasetLoaderOptions {
  /** Absolute URL of the folder that holds manifest.json. */
  baseUrl: string;
  fetch?: typeof fetch;
  /**
   * Turns a sheet into pixels and their digest; it is called as soon as each sheet is in, so it
   * decides how many run at once. The default reads on this thread, one sheet at a time.
   */
  read?: SheetReader;
  /** Give up on a file when no bytes arrive for this long. */
  timeoutMs?: number;
  /** Tries per file before a fault is reported; default 3 with pauses of 0.5 s and 1.5 s. */
  retry?: RetryPolicy;
}

export interface DatasetLoader {
  load(onProgress: (progress: DataProgress) => void): Promise<MnistData>;
  /**
   * True when whoever loads the digits tells the page about progress, success and failure
   * itself (the data worker), so the training worker's handler must not tell it again.
   */
  reportsToPage?: boolean;
}

/** Two or three parallel downloads fill the link; more only split it and delay the first file. */
const PARALLEL_DOWNLOADS = 3;
const DEFAULT_TIMEOUT_MS = 30_000;

export function createDatasetLoader(options: DatasetLoaderOptions): DatasetLoader {
  // A bare `fetch` called as a method of another object throws "Illegal invocation".
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const read = options.read ?? oneAtATime(sheetReader(decodeSheet));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry = options.retry ?? DEFAULT_RETRY;
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  // What survives a failed load, so a retry resumes instead of starting over.
  const caches: Partial<Record<SplitName, SplitCache>> = {};
  /** Downloaded and verified but not decoded yet (decoding failed), by SHA-256. */
  const verifiedSheets = new Map<string, Uint8Array<ArrayBuffer>>();
  let result: MnistData | null = null;
  let running: Promise<MnistData> | null = null;

  const readInto = async (
    name: SplitName,
    sheet: SheetEntry,
    png: Uint8Array<ArrayBuffer>,
    cache: SplitCache,
  ) => {
    let sheetPixels: SheetPixels;
    try {
      sheetPixels = await read(png, layoutOf(sheet));
    } catch (error) {
      throw asSheetError(error, sheet);
    }
    // The digests cover the length too: pixels of any other size cannot match them all.
    const found = sheetPixels.blockSha256;
    const same =
      found.length === sheet.blockSha256.length &&
      found.every((digest, block) => digest === sheet.blockSha256[block]);
    if (!same) throw dataErrors.pixelsChanged(sheet.file, name);
    // Kept as it came: no copy into one big array (pixelChunks.ts says why).
    cache.sheets.set(sheetKey(sheet), sheetPixels.pixels);
  };

  const loadOnce = async (onProgress: (progress: DataProgress) => void): Promise<MnistData> => {
    // Read afresh on every try: a retry after a half-finished deploy must see the new one.
    const manifest = await withRetries(() => loadManifest(fetchImpl, baseUrl, timeoutMs), retry);
    const train = (caches.train = splitCacheFor(caches.train, manifest.splits.train.count));
    const test = (caches.test = splitCacheFor(caches.test, manifest.splits.test.count));
    const cacheOf = { train, test };

    // Every file with a check of whether this or an earlier try already finished it. `run`
    // downloads; a sheet's decoding then goes on in `decoding`, so it does not hold one of the
    // download slots and the next file downloads while this one decodes.
    const files: {
      entry: FileEntry;
      isDone: () => boolean;
      run: () => Promise<void>;
      decoding?: Promise<PromiseSettledResult<void>>;
    }[] = [];
    let currentFile = '';
    let retryNote: string | undefined;
    let retryFile = '';
    const received = new Map<string, number>();
    const throttled = createThrottle(onProgress);
    const report = (force = false) => {
      let loadedBytes = 0;
      let filesDone = 0;
      for (const { entry, isDone } of files) {
        const finished = isDone();
        if (finished) filesDone += 1;
        loadedBytes += finished ? entry.bytes : (received.get(entry.file) ?? 0);
      }
      const progress = {
        loadedBytes,
        totalBytes,
        filesDone,
        filesTotal: files.length,
        currentFile,
      };
      throttled(retryNote ? { ...progress, retryNote } : progress, force);
    };

    const noteRetry = (file: string) => (notice: RetryNotice) => {
      // Honest progress: the bytes of the failed try no longer count.
      received.delete(file);
      retryFile = file;
      retryNote = `${notice.error.message} Trying again (try ${notice.attempt} of ${notice.attempts}).`;
      report(true);
    };

    const fetchEntry = async (entry: FileEntry) => {
      currentFile = entry.file;
      try {
        return await withRetries(
          () =>
            fetchVerified({
              fetch: fetchImpl,
              baseUrl,
              entry,
              timeoutMs,
              onBytes: (bytes) => {
                received.set(entry.file, bytes);
                currentFile = entry.file;
                report();
              },
            }),
          retry,
          noteRetry(entry.file),
        ).finally(() => {
          // The note stays until this file is settled, so a fast second try is still seen.
          if (retryFile === entry.file) retryNote = undefined;
        });
      } catch (error) {
        received.delete(entry.file);
        throw error;
      }
    };

    for (const name of SPLIT_NAMES) {
      const split = manifest.splits[name];
      const cache = cacheOf[name];
      for (const sheet of split.sheets) {
        const place = async (png: Uint8Array<ArrayBuffer>) => {
          await readInto(name, sheet, png, cache);
          verifiedSheets.delete(sheet.sha256);
          report();
        };
        const file: (typeof files)[number] = {
          entry: sheet,
          isDone: () => cache.sheets.has(sheetKey(sheet)),
          run: async () => {
            const png = verifiedSheets.get(sheet.sha256) ?? (await fetchEntry(sheet));
            // Kept until decoded: if decoding fails, a retry need not download it again.
            verifiedSheets.set(sheet.sha256, png);
            currentFile = sheet.file;
            // Its outcome is read after every download is done.
            file.decoding = settled(place(png));
          },
        };
        files.push(file);
      }
      const labels = split.labels;
      files.push({
        entry: labels,
        isDone: () => cache.labels?.sha256 === labels.sha256,
        run: async () => {
          cache.labels = { sha256: labels.sha256, bytes: await fetchEntry(labels) };
          report();
        },
      });
    }
    const totalBytes = files.reduce((sum, file) => sum + file.entry.bytes, 0);

    report(true);
    const pending = files.filter((file) => !file.isDone());
    const downloads = await settleAll(
      pending.map((file) => file.run),
      PARALLEL_DOWNLOADS,
    );
    const decodes = await Promise.all(pending.map((file) => file.decoding));
    // Report the first failure in file order; the others are retried with it.
    for (const [index, download] of downloads.entries()) {
      if (download.status === 'rejected') throw download.reason;
      const decode = decodes[index];
      if (decode?.status === 'rejected') throw decode.reason;
    }
    report(true);

    return {
      train: splitData(train, manifest.splits.train.sheets),
      test: splitData(test, manifest.splits.test.sheets),
      credit: manifest.credit,
      totalBytes,
      pixelDigests: SPLIT_NAMES.flatMap((split) =>
        manifest.splits[split].sheets.map(({ file, firstIndex, images, pixelsSha256 }) => ({
          split,
          file,
          firstIndex,
          images,
          sha256: pixelsSha256,
        })),
      ),
    };
  };

  return {
    load(onProgress) {
      if (result) return Promise.resolve(result);
      // A second call while loading joins the first instead of downloading twice.
      running ??= loadOnce(onProgress)
        .then((data) => (result = data))
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}

function splitData(cache: SplitCache, sheets: SheetEntry[]): SplitData {
  const missing = (): never => {
    throw new Error('Internal error: a sheet or the labels are missing after a complete load.');
  };
  const chunks = sheets.map((sheet) => cache.sheets.get(sheetKey(sheet)) ?? missing());
  const labels = cache.labels ?? missing();
  return {
    count: cache.count,
    // The manifest guarantees every sheet but the last holds as many images as the first.
    chunks,
    chunkImages: sheets[0].images,
    labels: labels.bytes,
  };
}

/** Gives a decoder's failure the sheet's name and a fault the page understands. */
function asSheetError(error: unknown, sheet: SheetEntry): DataLoadError {
  if (error instanceof DataLoadError) {
    return new DataLoadError(sheet.file, error.fault, error.message, error.retryable);
  }
  if (error instanceof DecodedSizeError) {
    return dataErrors.wrongSize(sheet.file, error.found, sheet.width, sheet.height);
  }
  const reason = error instanceof Error ? error.message || error.name : String(error);
  return dataErrors.decodeFailed(sheet.file, reason);
}
