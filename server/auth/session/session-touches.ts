/**
 * Writing a session's `last_seen_at` (at most once a minute per session, see session-store.ts) in
 * groups: the touches asked for in one turn of the event loop are written by one transaction after
 * it, and each caller waits for that commit. With thousands of shoppers active, one autocommit
 * UPDATE per touch was a commit of its own on SQLite's one connection, on the request path,
 * between the order batches; sessions first used together (a campaign, a benchmark's buyers) also
 * came due together a minute later, as a burst of single commits.
 */
import type { Kysely } from 'kysely';
import { preparedQuery } from '../../store/prepared-query';
import type { Database } from '../../store/schema';

// Never moves `last_seen_at` back: a later touch may have been written already.
const touch = preparedQuery((db, p: { idHash: string; now: number }) =>
  db.updateTable('sessions').set({ last_seen_at: p.now }).where('id_hash', '=', p.idHash).where('last_seen_at', '<', p.now),
);

interface PendingTouches {
  /** Session id hash → the latest time it was seen. */
  rows: Map<string, number>;
  written: Promise<void>;
}

const pending = new WeakMap<Kysely<Database>, PendingTouches>();

/** Writes `now` as the session's `last_seen_at`, with the other touches of this turn; resolves once committed. */
export function touchSession(db: Kysely<Database>, idHash: string, now: number): Promise<void> {
  let batch = pending.get(db);
  if (!batch) {
    const rows = new Map<string, number>();
    const written = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      // Touches asked for from here on go to the next group.
      pending.delete(db);
      // One lock order, so two servers' groups on PostgreSQL cannot deadlock.
      const ids = [...rows.keys()].sort();
      await db.transaction().execute(async (trx) => {
        for (const id of ids) await touch(trx, { idHash: id, now: rows.get(id)! });
      });
    });
    batch = { rows, written };
    pending.set(db, batch);
  }
  batch.rows.set(idHash, Math.max(now, batch.rows.get(idHash) ?? 0));
  return batch.written;
}
