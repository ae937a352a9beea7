/**
 * What a failed load keeps for the next try, per split: the pixel array with the sheets already
 * decoded into it, and the verified labels. Entries are keyed by content (SHA-256), because
 * every try re-reads the manifest and a redeploy may have changed some files in between.
 */
import { IMAGE_SIZE } from '../shared/config';
import type { SheetEntry } from '../shared/manifest';

export interface SplitCache {
  count: number;
  pixels: Uint8Array<ArrayBuffer>;
  /** Sheets already decoded into `pixels` (see sheetKey). */
  placed: Set<string>;
  labels: { sha256: string; bytes: Uint8Array } | null;
}

/** Same bytes at the same place: decoding it again would change nothing. */
export function sheetKey(sheet: SheetEntry): string {
  return `${sheet.sha256}@${sheet.firstIndex}`;
}

/** Keeps `cache` when the split still has `count` images; otherwise starts an empty one. */
export function splitCacheFor(cache: SplitCache | undefined, count: number): SplitCache {
  if (cache && cache.count === count) return cache;
  return { count, pixels: new Uint8Array(count * IMAGE_SIZE), placed: new Set(), labels: null };
}
