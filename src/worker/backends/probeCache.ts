/**
 * The backend probe's answers, kept in IndexedDB (which, unlike localStorage, workers can reach),
 * one record per device key. Any failure (private mode, no IndexedDB, a blocked upgrade) reads as
 * "nothing cached": the worse outcome is probing again.
 */
import type { CachedPick, PickCache } from './backendPick';

const DB_NAME = 'latent-lab-perf';
const STORE = 'backend-probe';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('no IndexedDB'));
      return;
    }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = act(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result as T);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

function isCachedPick(value: unknown): value is CachedPick {
  if (typeof value !== 'object' || value === null) return false;
  const pick = value as Partial<CachedPick>;
  return (
    (pick.choice === 'webgl' || pick.choice === 'wasm' || pick.choice === 'cpu') &&
    Array.isArray(pick.speeds)
  );
}

export const indexedDbPickCache: PickCache = {
  async get(key) {
    const value = await run<unknown>('readonly', (store) => store.get(key));
    return isCachedPick(value) ? value : null;
  },
  async set(key, value) {
    await run<unknown>('readwrite', (store) => store.put(value, key));
  },
};
