/**
 * The outbox in IndexedDB (`sf-outbox`): queued ops in order, how recent ones ended, and the last
 * cart and addresses the server answered with, for pages opened offline. Opened lazily, by the
 * page and by the service worker (same origin, same database).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxOp, OutboxResult } from './outbox-ops';
import type { OutboxStorage } from './outbox-replay';

interface OutboxSchema extends DBSchema {
  ops: { key: number; value: OutboxOp };
  results: { key: string; value: OutboxResult };
  snapshots: { key: string; value: { name: string; value: unknown; at: number } };
}

const DB_NAME = 'sf-outbox';
/** Results are kept this long for the page that queued them (a tab closed offline, opened days later). */
export const RESULT_TTL_MS = 7 * 24 * 3600_000;

let opening: Promise<IDBPDatabase<OutboxSchema>> | null = null;

/** The database, opened once per page or worker. */
export function openOutboxDb(): Promise<IDBPDatabase<OutboxSchema>> {
  opening ??= openDB<OutboxSchema>(DB_NAME, 1, {
    upgrade(db) {
      // Auto-increment keys give the queue its order, across tabs and the worker.
      db.createObjectStore('ops', { keyPath: 'seq', autoIncrement: true });
      db.createObjectStore('results', { keyPath: 'key' });
      db.createObjectStore('snapshots', { keyPath: 'name' });
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** What the page needs of the outbox beyond replaying it. */
export interface PageOutboxStorage extends OutboxStorage {
  /** Queues an op; answers it with its place in the queue. */
  add(op: OutboxOp): Promise<OutboxOp>;
  /** Recent results, oldest first. */
  results(): Promise<OutboxResult[]>;
}

export const idbOutbox: PageOutboxStorage = {
  async add(op) {
    const db = await openOutboxDb();
    const { seq: _none, ...fields } = op;
    const seq = await db.add('ops', fields as OutboxOp);
    return { ...op, seq };
  },
  async list() {
    return (await openOutboxDb()).getAll('ops');
  },
  async settle(op, result) {
    const db = await openOutboxDb();
    const tx = db.transaction(['ops', 'results'], 'readwrite');
    if (op.seq !== undefined) void tx.objectStore('ops').delete(op.seq);
    void tx.objectStore('results').put(result);
    await tx.done;
  },
  async results() {
    const db = await openOutboxDb();
    const all = await db.getAll('results');
    const cutoff = Date.now() - RESULT_TTL_MS;
    const stale = all.filter((result) => result.at < cutoff);
    if (stale.length) {
      const tx = db.transaction('results', 'readwrite');
      for (const result of stale) void tx.store.delete(result.key);
      await tx.done;
    }
    return all.filter((result) => result.at >= cutoff).sort((a, b) => a.at - b.at);
  },
};

/** Keeps the last answer of a read the page can show offline (`cart`, `addresses`). */
export async function saveSnapshot(name: string, value: unknown): Promise<void> {
  await (await openOutboxDb()).put('snapshots', { name, value, at: Date.now() });
}

/** The last answer kept under `name`, or null. */
export async function readSnapshot<T>(name: string): Promise<T | null> {
  return (await readSnapshotRow<T>(name))?.value ?? null;
}

/** The last answer kept under `name` and when it was kept (ms), or null. */
export async function readSnapshotRow<T>(name: string): Promise<{ value: T; at: number } | null> {
  const row = await (await openOutboxDb()).get('snapshots', name);
  return row ? { value: row.value as T, at: row.at } : null;
}

/** Forgets every kept answer (on sign-out: they were the account's). Queued ops stay. */
export async function clearSnapshots(): Promise<void> {
  await (await openOutboxDb()).clear('snapshots');
}
