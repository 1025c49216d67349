/**
 * `Idempotency-Key` on "add to cart": the one cart change that is not idempotent by itself (adding
 * twice adds twice). A key is recorded in the same transaction as the change, per cart, for 24
 * hours; a repeat with the same request changes nothing and answers the cart as it is. The offline
 * outbox sends every queued change with its own key, so a change whose answer was lost on the way
 * is replayed without being counted twice.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../errors/app-error';
import type { Database } from '../store/schema';

/** How long a cart request's key is remembered. */
export const CART_KEY_TTL_MS = 24 * 60 * 60_000;

/**
 * Records `key` for this cart inside the caller's transaction. Answers true when the change is new
 * (go ahead), false when the same request was already applied (change nothing); throws
 * `idempotency-key-reused` when the key came with another request.
 */
export async function recordCartKey(trx: Kysely<Database>, cartId: string, key: string, hash: string, now: number): Promise<boolean> {
  // Past its 24 hours a key is free again.
  await trx.deleteFrom('cart_request_keys').where('cart_id', '=', cartId).where('key', '=', key).where('created_at', '<=', now - CART_KEY_TTL_MS).execute();
  // A concurrent request with the same key waits here until the first commits, then inserts nothing.
  const inserted = await trx
    .insertInto('cart_request_keys')
    .values({ cart_id: cartId, key, request_hash: hash, created_at: now })
    .onConflict((oc) => oc.columns(['cart_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
  const row = await trx.selectFrom('cart_request_keys').select('request_hash').where('cart_id', '=', cartId).where('key', '=', key).executeTakeFirstOrThrow();
  if (row.request_hash !== hash) throw new AppError('idempotency-key-reused');
  return false;
}

/** Keys follow the guest cart's lines into the account's cart on login, so a replay after login still adds once. */
export async function moveCartKeys(trx: Kysely<Database>, fromCartId: string, toCartId: string): Promise<void> {
  // A key the account's cart already holds stays there; the guest's copy goes with the guest cart.
  await trx
    .updateTable('cart_request_keys')
    .set({ cart_id: toCartId })
    .where('cart_id', '=', fromCartId)
    .where('key', 'not in', (eb) => eb.selectFrom('cart_request_keys as held').select('held.key').where('held.cart_id', '=', toCartId))
    .execute();
}

/** Forgets keys older than 24 hours; answers how many went. */
export async function pruneCartKeys(db: Kysely<Database>, now: number): Promise<number> {
  const result = await db.deleteFrom('cart_request_keys').where('created_at', '<=', now - CART_KEY_TTL_MS).executeTakeFirst();
  return Number(result.numDeletedRows);
}
