/**
 * What a failed load keeps for the next try, per split: the sheets already decoded, and the
 * verified labels. Entries are keyed by content (SHA-256), because every try re-reads the
 * manifest and a redeploy may have changed some files in between.
 */
import type { SheetEntry } from '../../shared/manifest';

export interface SplitCache {
  count: number;
  /** Each decoded and checked sheet's images (IDX order), by sheetKey. */
  sheets: Map<string, Uint8Array<ArrayBuffer>>;
  labels: { sha256: string; bytes: Uint8Array } | null;
}

/** Same bytes at the same place: decoding it again would change nothing. */
export function sheetKey(sheet: SheetEntry): string {
  return `${sheet.sha256}@${sheet.firstIndex}`;
}

/** Keeps `cache` when the split still has `count` images; otherwise starts an empty one. */
export function splitCacheFor(cache: SplitCache | undefined, count: number): SplitCache {
  if (cache && cache.count === count) return cache;
  return { count, sheets: new Map(), labels: null };
}
