/**
 * Consecutive failures per mobile number (the account's identity) with growing delays: from the
 * 5th failure on, wait 30 s, then 60 s, 120 s … up to a day. A success clears the count. Counting
 * per number rather than per account row makes known and unknown numbers behave the same.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema';

export const FREE_FAILURES = 4;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 24 * 3600_000;

/** The delay after `failures` consecutive failures. */
export function lockoutDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(30, failures - FREE_FAILURES - 1));
}

/** Seconds until this number may try again, or null when it may now. */
export async function lockedFor(db: Kysely<Database>, mobile: string, now: number): Promise<number | null> {
  const row = await db.selectFrom('auth_failures').select('locked_until').where('mobile', '=', mobile).executeTakeFirst();
  const until = Number(row?.locked_until ?? 0);
  return until > now ? Math.ceil((until - now) / 1000) : null;
}

/** Counts one more failure and sets the lock it earns; an upsert, so racing failures all count. */
export async function recordFailure(db: Kysely<Database>, mobile: string, now: number): Promise<void> {
  const row = await db
    .insertInto('auth_failures')
    .values({ mobile, failures: 1, locked_until: 0, updated_at: now })
    .onConflict((oc) => oc.column('mobile').doUpdateSet((eb) => ({ failures: eb(eb.ref('auth_failures.failures'), '+', 1), updated_at: now })))
    .returning('failures')
    .executeTakeFirstOrThrow();
  const delay = lockoutDelayMs(Number(row.failures));
  if (delay > 0) await db.updateTable('auth_failures').set({ locked_until: now + delay }).where('mobile', '=', mobile).execute();
}

/** Clears the count after a successful login. */
export async function clearFailures(db: Kysely<Database>, mobile: string): Promise<void> {
  await db.deleteFrom('auth_failures').where('mobile', '=', mobile).execute();
}
