/** Sliding-window limits kept in the store, so every server instance shares them. */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema';

export interface WindowLimit {
  bucket: string;
  max: number;
  windowMs: number;
}

/** Null when the event was recorded within its limit, otherwise the seconds until one frees up. */
export async function takeFromWindow(db: Kysely<Database>, limit: WindowLimit, now: number): Promise<number | null> {
  const since = now - limit.windowMs;
  // Record first, then count: two racing requests can both be refused, never both let through.
  const id = crypto.randomUUID();
  await db.insertInto('auth_rate_events').values({ id, bucket: limit.bucket, at: now }).execute();
  const rows = await db.selectFrom('auth_rate_events').select('at').where('bucket', '=', limit.bucket).where('at', '>', since).orderBy('at').execute();
  if (rows.length <= limit.max) return null;
  await db.deleteFrom('auth_rate_events').where('id', '=', id).execute();
  const oldest = Number(rows[0]!.at);
  return Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 1000));
}

/** Forgets events older than a day; called now and then so the table stays small. */
export async function pruneWindows(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('auth_rate_events').where('at', '<', now - 24 * 3600_000).execute();
}
