/**
 * The list the service worker keeps, shared by the build plugin (which writes it) and the
 * service worker (which reads it). No DOM, no tfjs, no imports: the service worker is one file.
 */

export interface PrecacheEntry {
  /** Relative to the service worker's folder, e.g. "assets/index-abc.js", "data/mnist/train-00.png". */
  url: string;
  /** Checked before the file is cached (the dataset's files); absent for the app's own files. */
  sha256?: string;
}

export interface Precache {
  /** Changes with any file's contents (the dataset's through its manifest's hashes). */
  version: string;
  files: PrecacheEntry[];
}

export const CACHE_PREFIX = 'latent-lab-';

/** The global the build writes the list into, on the first line of sw.js. */
export const PRECACHE_GLOBAL = '__LATENT_LAB_PRECACHE__';
