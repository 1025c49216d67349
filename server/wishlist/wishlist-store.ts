/** Each account's wishlist: product ids with when they were added, at most WISHLIST_MAX. */
import type { Kysely } from 'kysely';
import type { ProductSummary } from '../../shared/api-types';
import { getProductSummaries } from '../catalog/catalog-service';
import { AppError } from '../errors/app-error';
import type { Database } from '../store/schema';

export const WISHLIST_MAX = 200;

/** The account's wishlisted product ids, newest first. */
export async function wishlistIds(db: Kysely<Database>, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('wishlist_items').select('product_id').where('account_id', '=', accountId).orderBy('added_at', 'desc').orderBy('product_id').execute();
  return rows.map((row) => row.product_id);
}

/** The account's wishlisted products as grid cards, newest first. */
export async function wishlistProducts(db: Kysely<Database>, accountId: string): Promise<ProductSummary[]> {
  return getProductSummaries(db, await wishlistIds(db, accountId));
}

/**
 * Adds products (that exist) to the account's wishlist; already wishlisted ones stay as they were.
 * Answers the ids that were new. A wishlist at its limit refuses more (`wishlist-full`) unless `lenient`.
 */
export async function addToWishlist(db: Kysely<Database>, accountId: string, productIds: readonly string[], now: number, lenient = false): Promise<string[]> {
  if (productIds.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const known = new Set((await trx.selectFrom('products').select('id').where('id', 'in', [...new Set(productIds)]).execute()).map((row) => row.id));
    const existing = new Set((await trx.selectFrom('wishlist_items').select('product_id').where('account_id', '=', accountId).execute()).map((row) => row.product_id));
    let fresh = productIds.filter((id) => known.has(id) && !existing.has(id));
    fresh = [...new Set(fresh)];
    const room = WISHLIST_MAX - existing.size;
    if (fresh.length > room) {
      if (!lenient) throw new AppError('wishlist-full', { max: WISHLIST_MAX });
      // A merge at login keeps what fits rather than failing the login.
      fresh = fresh.slice(0, Math.max(0, room));
    }
    if (fresh.length === 0) return [];
    // Newest first: the first id of a merged list was wishlisted most recently.
    await trx.insertInto('wishlist_items').values(fresh.map((id, i) => ({ account_id: accountId, product_id: id, added_at: now - i }))).execute();
    return fresh;
  });
}

/** Removes a product from the account's wishlist (nothing happens if it was not there). */
export async function removeFromWishlist(db: Kysely<Database>, accountId: string, productId: string): Promise<void> {
  await db.deleteFrom('wishlist_items').where('account_id', '=', accountId).where('product_id', '=', productId).execute();
}
