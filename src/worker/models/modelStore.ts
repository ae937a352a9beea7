/**
 * Saved models in the browser's IndexedDB, reachable from the worker. Two stores: `info` (small,
 * read to list) and `files` (model.json text and the weights), written in one transaction so a
 * model is never half saved. Reads go through the same checks as an imported file.
 */
import type { SavedModelInfo } from '../../shared/savedModel';
import type { ModelFiles } from './modelFiles';

const DB_NAME = 'latent-lab-models';
const DB_VERSION = 1;

export interface StoredFiles {
  json: string;
  weights: ArrayBuffer;
}

export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

export interface ModelStore {
  list(): Promise<SavedModelInfo[]>;
  save(files: ModelFiles): Promise<SavedModelInfo>;
  read(id: string): Promise<StoredFiles | null>;
  remove(id: string): Promise<void>;
}

export function openModelStore(indexedDb: IDBFactory = indexedDB): ModelStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDb.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('info', { keyPath: 'id' });
        req.result.createObjectStore('files');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
      req.onblocked = () => reject(new Error('another tab is upgrading the saved models'));
    }).catch((error: unknown) => {
      db = null;
      throw error;
    });
    return db;
  };

  return {
    async list() {
      const tx = (await open()).transaction('info', 'readonly');
      const all = (await request(tx.objectStore('info').getAll())) as SavedModelInfo[];
      return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    async save(files) {
      const info: SavedModelInfo = { ...files.meta, id: crypto.randomUUID() };
      const tx = (await open()).transaction(['info', 'files'], 'readwrite');
      tx.objectStore('info').put(info);
      tx.objectStore('files').put({ json: files.json, weights: files.weights }, info.id);
      try {
        await done(tx);
      } catch (error) {
        if (isQuotaError(error)) throw new StorageFullError('the browser storage is full');
        throw error;
      }
      return info;
    },
    async read(id) {
      const tx = (await open()).transaction('files', 'readonly');
      const found = (await request(tx.objectStore('files').get(id))) as StoredFiles | undefined;
      return found ?? null;
    },
    async remove(id) {
      const tx = (await open()).transaction(['info', 'files'], 'readwrite');
      tx.objectStore('info').delete(id);
      tx.objectStore('files').delete(id);
      await done(tx);
    },
  };
}
