/**
 * Price drops and restocks of wishlisted products. The catalog's change signal says only "the
 * catalog changed", so the shop keeps what it last saw of every wishlisted product (price, in
 * stock) and compares on each change. A drop or a restock is claimed with a conditional update of
 * that snapshot, so when several servers hear the same change, exactly one of them sends it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

export interface ProductChange {
  productId: string;
  slug: string;
  title: string;
  images: string;
  kind: 'price_drop' | 'back_in_stock';
  oldPrice: number;
  price: number;
  mrp: number;
}

/** Starts watching products (just wishlisted): their current price and stock are what later changes compare to. */
export async function watchProducts(db: Kysely<Database>, productIds: readonly string[], now: number): Promise<void> {
  if (productIds.length === 0) return;
  const rows = await db.selectFrom('products').select(['id', 'price', 'stock']).where('id', 'in', [...new Set(productIds)]).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('push_product_watch')
    .values(rows.map((row) => ({ product_id: row.id, price: Number(row.price), in_stock: Number(row.stock) > 0 ? 1 : 0, updated_at: now })))
    .onConflict((conflict) => conflict.column('product_id').doNothing())
    .execute();
}

/**
 * Compares watched products (`productIds`, when the change said which; else all) with the catalog;
 * answers the drops and restocks this server claimed.
 */
export async function claimChanges(db: Kysely<Database>, now: number, productIds?: readonly string[]): Promise<ProductChange[]> {
  if (productIds && productIds.length === 0) return [];
  let query = db
    .selectFrom('push_product_watch as w')
    .innerJoin('products as p', 'p.id', 'w.product_id')
    .select(['w.product_id', 'w.price as seen_price', 'w.in_stock as seen_in_stock', 'p.price', 'p.mrp', 'p.stock', 'p.slug', 'p.title', 'p.images']);
  if (productIds) query = query.where('w.product_id', 'in', [...productIds]);
  const rows = await query.execute();
  const claimed: ProductChange[] = [];
  for (const row of rows) {
    const seenPrice = Number(row.seen_price);
    const seenInStock = Number(row.seen_in_stock);
    const price = Number(row.price);
    const inStock = Number(row.stock) > 0 ? 1 : 0;
    if (price === seenPrice && inStock === seenInStock) continue;
    const result = await db
      .updateTable('push_product_watch')
      .set({ price, in_stock: inStock, updated_at: now })
      .where('product_id', '=', row.product_id)
      .where('price', '=', seenPrice)
      .where('in_stock', '=', seenInStock)
      .executeTakeFirst();
    // Another server took this change first.
    if (Number(result.numUpdatedRows) !== 1) continue;
    const base = { productId: row.product_id, slug: row.slug, title: row.title, images: row.images, oldPrice: seenPrice, price, mrp: Number(row.mrp) };
    // A restock is the bigger news: one push says it, with the price it comes back at.
    if (inStock === 1 && seenInStock === 0) claimed.push({ ...base, kind: 'back_in_stock' });
    else if (inStock === 1 && price < seenPrice) claimed.push({ ...base, kind: 'price_drop' });
  }
  return claimed;
}

/** Stops watching products nobody has on a wishlist any more. */
export async function pruneWatch(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('push_product_watch')
    .where('product_id', 'not in', db.selectFrom('wishlist_items').select('product_id'))
    .where('product_id', 'not in', db.selectFrom('push_device_products').select('product_id'))
    .execute();
}
