/** The shared limits kept in the shop's store (SQLite or PostgreSQL): the default, nothing to set up. */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../store/database';
import { bucketWait, FAILURE_MEMORY_MS, LONGEST_WINDOW_MS, refilled, type BucketLimit, type SharedLimits, type WindowLimit } from './shared-limits';

/** Limits over the store's `limit_*` tables. */
export function storeLimits(store: Store): SharedLimits {
  const { db } = store;

  /** The events of `key` within the window, oldest first. */
  const inWindow = async (key: string, limit: WindowLimit, now: number): Promise<number[]> => {
    const rows = await db.selectFrom('limit_events').select('at').where('bucket', '=', key).where('at', '>', now - limit.windowMs).orderBy('at').execute();
    return rows.map((row) => Number(row.at));
  };
  /** Ms until the event that must age out for `times` to hold fewer than `max` does. */
  const waitOf = (times: number[], limit: WindowLimit, now: number): number | null =>
    times.length < limit.max ? null : Math.max(1, times[times.length - limit.max]! + limit.windowMs - now);

  /**
   * PostgreSQL: locks the buckets' rows (in key order), refills them as `refilled` does and spends
   * from all or none as `bucketWait` allows (a cost above the capacity needs a full bucket), in one
   * statement. Null when a bucket has no row yet: the transaction below makes it.
   */
  const spendInOneStatement = async (buckets: BucketLimit[], cost: number, now: number): Promise<number[] | null> => {
    const { rows } = await sql<{ key: string; left: number; spent: boolean }>`
      WITH want (key, capacity, per_ms) AS (
        SELECT * FROM unnest(${buckets.map((b) => b.key)}::text[], ${buckets.map((b) => b.capacity)}::float8[], ${buckets.map((b) => b.perMs)}::float8[])
      ), cur AS (
        SELECT b.key, CASE WHEN ${now}::bigint > b.at THEN least(w.capacity, b.tokens + (${now}::bigint - b.at) * w.per_ms) ELSE b.tokens END AS left,
          least(${cost}::float8, w.capacity) AS needs
        FROM limit_buckets b JOIN want w ON w.key = b.key ORDER BY b.key FOR UPDATE OF b
      ), verdict AS (
        SELECT count(*) = ${buckets.length} AND coalesce(bool_and(cur.left >= cur.needs), false) AS ok FROM cur
      ), spent AS (
        UPDATE limit_buckets b SET tokens = cur.left - ${cost}::float8, at = greatest(${now}::bigint, b.at)
        FROM cur, verdict WHERE b.key = cur.key AND verdict.ok RETURNING b.key
      )
      SELECT cur.key, cur.left, verdict.ok AS spent FROM cur, verdict`.execute(db);
    if (rows.length < buckets.length) return null;
    if (rows[0]!.spent) return buckets.map(() => 0);
    const left = new Map(rows.map((row) => [row.key, Number(row.left)]));
    return buckets.map((b) => bucketWait(b, left.get(b.key)!, cost));
  };

  return {
    kind: 'store',
    async take(key, limit, now) {
      // Count and record under one lock per key, so nodes racing on it (or requests on one node) take exactly `max`.
      return db.transaction().execute(async (trx) => {
        // SQLite transactions hold the write lock from their start (`begin immediate`); PostgreSQL takes a lock on the key.
        if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
        const rows = await trx.selectFrom('limit_events').select('at').where('bucket', '=', key).where('at', '>', now - limit.windowMs).orderBy('at').execute();
        const wait = waitOf(rows.map((row) => Number(row.at)), limit, now);
        if (wait === null) await trx.insertInto('limit_events').values({ id: crypto.randomUUID(), bucket: key, at: now }).execute();
        return wait;
      });
    },
    async blockedFor(key, limit, now) {
      return waitOf(await inWindow(key, limit, now), limit, now);
    },
    // Nothing is trimmed here: callers stop recording once blocked, and `prune` clears what aged out.
    async record(key, _limit, now) {
      await db.insertInto('limit_events').values({ id: crypto.randomUUID(), bucket: key, at: now }).execute();
    },
    async forget(key) {
      await db.deleteFrom('limit_events').where('bucket', '=', key).execute();
    },
    async spend(buckets, cost, now) {
      if (buckets.length === 0) return [];
      if (store.dialect === 'postgres') {
        // Buckets that exist are spent in one statement, so the row locks (one bucket is shared by
        // every request) are held for one statement, not a transaction of five round trips.
        const waits = await spendInOneStatement(buckets, cost, now);
        if (waits) return waits;
      }
      return db.transaction().execute(async (trx) => {
        const keys = buckets.map((b) => b.key);
        // A full bucket for every key first, so the rows exist to be locked.
        await trx
          .insertInto('limit_buckets')
          .values(buckets.map((b) => ({ key: b.key, tokens: b.capacity, at: now })))
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        let query = trx.selectFrom('limit_buckets').select(['key', 'tokens', 'at']).where('key', 'in', keys);
        // SQLite transactions hold the write lock from their start (`begin immediate`); PostgreSQL locks the rows.
        if (store.dialect === 'postgres') query = query.forUpdate();
        const rows = new Map((await query.execute()).map((row) => [row.key, row]));
        const left = buckets.map((b: BucketLimit) => {
          const row = rows.get(b.key)!;
          return refilled(b, Number(row.tokens), Number(row.at), now);
        });
        const waits = buckets.map((b, i) => bucketWait(b, left[i]!, cost));
        if (waits.some((w) => w > 0)) return waits;
        for (const [i, b] of buckets.entries()) {
          await trx.updateTable('limit_buckets').set({ tokens: left[i]! - cost, at: Math.max(now, Number(rows.get(b.key)!.at)) }).where('key', '=', b.key).execute();
        }
        return waits;
      });
    },
    async countFailure(key, now) {
      // An upsert, so racing failures all count.
      const row = await db
        .insertInto('limit_failures')
        .values({ key, failures: 1, locked_until: 0, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ failures: eb(eb.ref('limit_failures.failures'), '+', 1), updated_at: now })))
        .returning('failures')
        .executeTakeFirstOrThrow();
      return Number(row.failures);
    },
    async lockUntil(key, until) {
      await db.updateTable('limit_failures').set({ locked_until: until }).where('key', '=', key).execute();
    },
    async lockedUntil(key) {
      const row = await db.selectFrom('limit_failures').select('locked_until').where('key', '=', key).executeTakeFirst();
      return Number(row?.locked_until ?? 0);
    },
    async clearFailures(keys) {
      if (keys.length > 0) await db.deleteFrom('limit_failures').where('key', 'in', keys).execute();
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async prune(now) {
      await db.deleteFrom('limit_events').where('at', '<', now - LONGEST_WINDOW_MS).execute();
      await db.deleteFrom('limit_failures').where('updated_at', '<', now - FAILURE_MEMORY_MS).where('locked_until', '<', now).execute();
      await db.deleteFrom('limit_buckets').where('at', '<', now - LONGEST_WINDOW_MS).execute();
    },
    // The store belongs to the app; closing it is the caller's.
    async close() {},
  };
}
