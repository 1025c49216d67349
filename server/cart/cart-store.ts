/** Cart persistence: carts found by guest token hash, lines added, changed and removed with stock checks. */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../errors/app-error';
import { getProductAvailability } from '../catalog/catalog-service';
import { preparedQuery, type PreparedQuery } from '../store/prepared-query';
import type { Database } from '../store/schema';
import { recordCartKey } from './cart-request-keys';

/** One line may hold at most this many units; a shop's usual anti-hoarding limit. */
export const MAX_LINE_QUANTITY = 10;
export const MAX_LINES = 50;

/** A guest cart untouched this long is gone (its cookie lives as long), and is deleted. */
export const GUEST_CART_TTL_MS = 30 * 24 * 3600_000;

/** The id of the cart this guest token owns, or null; an expired one counts as none, even before it is deleted. */
export async function findGuestCart(db: Kysely<Database>, tokenHash: string, now: number): Promise<string | null> {
  const row = await db
    .selectFrom('carts')
    .select('id')
    .where('guest_token_hash', '=', tokenHash)
    .where('updated_at', '>', now - GUEST_CART_TTL_MS)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Deletes guest carts (and their lines) untouched for `GUEST_CART_TTL_MS`; account carts stay. Answers how many went. */
export async function purgeExpiredGuestCarts(db: Kysely<Database>, now: number): Promise<number> {
  const result = await db.deleteFrom('carts').where('account_id', 'is', null).where('updated_at', '<=', now - GUEST_CART_TTL_MS).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Creates an empty cart for a guest token. */
export async function createGuestCart(db: Kysely<Database>, tokenHash: string, now: number): Promise<string> {
  const id = crypto.randomUUID();
  await db.insertInto('carts').values({ id, guest_token_hash: tokenHash, account_id: null, created_at: now, updated_at: now }).execute();
  return id;
}

/** Units of a product (or variant) available to put in a cart, after checking the variant choice. */
async function availableStock(db: Kysely<Database>, productId: string, variantId: string): Promise<number> {
  const product = await getProductAvailability(db, productId);
  if (!product) throw new AppError('product-not-found', { productId });
  if (product.variants.length === 0) {
    if (variantId !== '') throw new AppError('bad-request', { variantId }, 'This product comes in one colour and size; send no variantId.');
    return product.stock;
  }
  if (variantId === '') throw new AppError('variant-required', { productId, variants: product.variants.map((v) => v.id) });
  const variant = product.variants.find((v) => v.id === variantId);
  if (!variant) throw new AppError('bad-request', { variantId }, 'This product has no such colour or size.');
  return variant.stock;
}

/** A request's `Idempotency-Key` and fingerprint (see `cart-request-keys.ts`). */
export interface CartRequestKey {
  key: string;
  hash: string;
}

/**
 * Adds `quantity` units (to an existing line of the same item if there is one). With a request key,
 * a repeat of a request already applied changes nothing; answers false for such a replay.
 */
export async function addItem(
  db: Kysely<Database>,
  cartId: string,
  item: { productId: string; variantId: string; quantity: number },
  now: number,
  request?: CartRequestKey,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (request && !(await recordCartKey(trx, cartId, request.key, request.hash, now))) return false;
    const stock = await availableStock(trx, item.productId, item.variantId);
    const existing = await trx
      .selectFrom('cart_lines')
      .select(['id', 'quantity'])
      .where('cart_id', '=', cartId)
      .where('product_id', '=', item.productId)
      .where('variant_id', '=', item.variantId)
      .executeTakeFirst();
    const quantity = (existing?.quantity ?? 0) + item.quantity;
    if (quantity > MAX_LINE_QUANTITY) {
      throw new AppError('bad-request', { max: MAX_LINE_QUANTITY }, `You can buy at most ${MAX_LINE_QUANTITY} units of an item.`);
    }
    if (quantity > stock) throw new AppError('out-of-stock', { available: stock });
    if (existing) {
      await trx.updateTable('cart_lines').set({ quantity }).where('id', '=', existing.id).execute();
    } else {
      const lines = await trx.selectFrom('cart_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('cart_id', '=', cartId).executeTakeFirstOrThrow();
      if (Number(lines.n) >= MAX_LINES) throw new AppError('cart-full', { max: MAX_LINES });
      await trx
        .insertInto('cart_lines')
        .values({ id: crypto.randomUUID(), cart_id: cartId, product_id: item.productId, variant_id: item.variantId, quantity, added_at: now })
        .execute();
    }
    await trx.updateTable('carts').set({ updated_at: now }).where('id', '=', cartId).execute();
    return true;
  });
}

/** Sets a line's quantity. */
export async function setLineQuantity(db: Kysely<Database>, cartId: string, lineId: string, quantity: number, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const line = await trx.selectFrom('cart_lines').selectAll().where('id', '=', lineId).where('cart_id', '=', cartId).executeTakeFirst();
    if (!line) throw new AppError('cart-line-not-found', { lineId });
    const stock = await availableStock(trx, line.product_id, line.variant_id);
    if (quantity > stock) throw new AppError('out-of-stock', { available: stock });
    await trx.updateTable('cart_lines').set({ quantity }).where('id', '=', lineId).execute();
    await trx.updateTable('carts').set({ updated_at: now }).where('id', '=', cartId).execute();
  });
}

/** Removes a line. */
export async function removeLine(db: Kysely<Database>, cartId: string, lineId: string, now: number): Promise<void> {
  const result = await db.deleteFrom('cart_lines').where('id', '=', lineId).where('cart_id', '=', cartId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('cart-line-not-found', { lineId });
  await db.updateTable('carts').set({ updated_at: now }).where('id', '=', cartId).execute();
}

/** The account's cart lines, oldest first, as items (the checkout summary's default lines). */
export async function accountCartItems(db: Kysely<Database>, accountId: string): Promise<Array<{ productId: string; variantId: string; quantity: number }>> {
  const rows = await db
    .selectFrom('cart_lines')
    .innerJoin('carts', 'carts.id', 'cart_lines.cart_id')
    .select(['cart_lines.product_id', 'cart_lines.variant_id', 'cart_lines.quantity'])
    .where('carts.account_id', '=', accountId)
    .orderBy('cart_lines.added_at')
    .orderBy('cart_lines.id')
    .execute();
  return rows.map((row) => ({ productId: row.product_id, variantId: row.variant_id, quantity: Number(row.quantity) }));
}

/** Takes these items out of the account's cart (whole lines), in the caller's transaction: an order placed them. */
export async function removeAccountCartItems(trx: Kysely<Database>, accountId: string, items: ReadonlyArray<{ productId: string; variantId: string }>): Promise<void> {
  if (items.length === 0) return;
  const values: Record<string, string> = { accountId };
  items.forEach((item, i) => {
    values[`product${i}`] = item.productId;
    values[`variant${i}`] = item.variantId;
  });
  await removeItemsQuery(items.length)(trx, values);
}

// Every order takes its lines out of the cart: compiled once per number of lines (store/prepared-query.ts).
const removeItemsQueries: Array<PreparedQuery<Record<string, string>, unknown>> = [];
function removeItemsQuery(count: number): PreparedQuery<Record<string, string>, unknown> {
  return (removeItemsQueries[count] ??= preparedQuery((db, p: Record<string, string>) =>
    db
      .deleteFrom('cart_lines')
      .where('cart_id', 'in', db.selectFrom('carts').select('id').where('account_id', '=', p.accountId!))
      .where((eb) => eb.or(Array.from({ length: count }, (_, i) => eb.and([eb('product_id', '=', p[`product${i}`]!), eb('variant_id', '=', p[`variant${i}`]!)])))),
  ));
}
