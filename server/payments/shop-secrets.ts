/**
 * Secrets the shop makes on first start and every server shares through the store (ARCHITECTURE
 * §8): the first server to ask creates the value, every later one (and every restart) reads it.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/** The secret named `name`: `fromEnv` when set, otherwise the store's, created once (256 random bits). */
export async function sharedSecret(db: Kysely<Database>, name: string, now: number, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insertInto('shop_secrets')
    .values({ name, value: crypto.randomBytes(32).toString('base64url'), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('shop_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
