/**
 * The shop's VAPID key pair (RFC 8292): from the environment when set, otherwise made on first
 * start and kept in the store, so every server on the store signs with the same key and browsers'
 * subscriptions (bound to the public key) keep working across restarts and nodes.
 */
import type { Kysely } from 'kysely';
import webpush from 'web-push';
import type { Database } from '../store/schema';

export interface VapidKeys {
  /** Uncompressed P-256 point, base64url: what browsers take as `applicationServerKey`. */
  publicKey: string;
  privateKey: string;
  subject: string;
}

const ROW = 'current';

/** The configured keys, or the store's (made now if the store has none yet). */
export async function loadVapidKeys(db: Kysely<Database>, configured: { publicKey: string; privateKey: string } | null, subject: string, now: number): Promise<VapidKeys> {
  if (configured) return { ...configured, subject };
  const fresh = webpush.generateVAPIDKeys();
  // Two servers starting on an empty store both try: the first insert wins and both read it back.
  await db
    .insertInto('push_vapid_keys')
    .values({ id: ROW, public_key: fresh.publicKey, private_key: fresh.privateKey, created_at: now })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  const row = await db.selectFrom('push_vapid_keys').select(['public_key', 'private_key']).where('id', '=', ROW).executeTakeFirstOrThrow();
  return { publicKey: row.public_key, privateKey: row.private_key, subject };
}
