/** Unsent events in IndexedDB, keyed by document id, so they survive going offline and closing the tab. */
import type { EventStorage } from './event-queue';
import type { TelemetryDocument } from './event-types';

const DB_NAME = 'sf-telemetry';
const STORE = 'events';
/** Events kept at most; beyond it new ones are dropped, so a long offline spell can't fill the disk. */
export const MAX_STORED_EVENTS = 1000;

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

/** Runs `work` in one transaction; resolves with `result()` once the transaction is committed. */
async function inTransaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => () => T): Promise<T> {
  const tx = (await openDb()).transaction(STORE, mode);
  const result = work(tx.objectStore(STORE));
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(result());
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

export const idbStorage: EventStorage = {
  save: (documents: TelemetryDocument[]) =>
    inTransaction('readwrite', (store) => {
      const count = store.count();
      count.onsuccess = () => documents.slice(0, Math.max(0, MAX_STORED_EVENTS - count.result)).forEach((doc) => store.put(doc));
      return () => undefined;
    }),
  load: (limit: number) =>
    inTransaction('readonly', (store) => {
      const all = store.getAll(undefined, limit);
      return () => all.result as TelemetryDocument[];
    }),
  remove: (ids: string[]) =>
    inTransaction('readwrite', (store) => {
      ids.forEach((id) => store.delete(id));
      return () => undefined;
    }),
  clear: () =>
    inTransaction('readwrite', (store) => {
      store.clear();
      return () => undefined;
    }),
};
