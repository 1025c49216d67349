/**
 * The cart of a logged-in shopper belongs to the account. On login the browser's guest cart is
 * merged into it: quantities of the same item add up, capped at the per-line maximum and the stock.
 */
import crypto from 'node:crypto';
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import { getProductAvailability } from '../catalog/catalog-service';
import type { ServerDeps } from '../deps';
import { sessionAccountId } from '../auth/session/current-session';
import type { Database } from '../store/schema';
import { moveCartKeys } from './cart-request-keys';
import { GUEST_CART_TTL_MS, MAX_LINE_QUANTITY, MAX_LINES } from './cart-store';

/** The id of the account's cart, or null. */
export async function findAccountCart(db: Kysely<Database>, accountId: string): Promise<string | null> {
  const row = await db.selectFrom('carts').select('id').where('account_id', '=', accountId).executeTakeFirst();
  return row?.id ?? null;
}

/** The account's cart, created empty when it has none. */
export async function ensureAccountCart(db: Kysely<Database>, accountId: string, now: number): Promise<string> {
  const existing = await findAccountCart(db, accountId);
  if (existing) return existing;
  const id = crypto.randomUUID();
  await db.insertInto('carts').values({ id, guest_token_hash: null, account_id: accountId, created_at: now, updated_at: now }).onConflict((oc) => oc.column('account_id').doNothing()).execute();
  return (await findAccountCart(db, accountId))!;
}

/**
 * For the cart routes: `undefined` when the request has no login (use the guest cart), otherwise
 * the account's cart id (null when it has none yet, or created when `create` is set).
 */
export async function accountCartForRequest(deps: ServerDeps, req: Request, create = false): Promise<string | null | undefined> {
  const accountId = await sessionAccountId(deps, req);
  if (!accountId) return undefined;
  return create ? ensureAccountCart(deps.store.db, accountId, deps.now()) : findAccountCart(deps.store.db, accountId);
}

async function stockOf(db: Kysely<Database>, productId: string, variantId: string): Promise<number> {
  const product = await getProductAvailability(db, productId);
  if (!product) return 0;
  if (variantId === '') return product.variants.length === 0 ? product.stock : 0;
  return product.variants.find((v) => v.id === variantId)?.stock ?? 0;
}

/** Moves the guest cart with this token hash into the account's cart; a no-op without a guest cart. */
export async function mergeGuestCart(db: Kysely<Database>, guestTokenHash: string, accountId: string, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const guest = await trx
      .selectFrom('carts')
      .select('id')
      .where('guest_token_hash', '=', guestTokenHash)
      .where('account_id', 'is', null)
      .where('updated_at', '>', now - GUEST_CART_TTL_MS)
      .executeTakeFirst();
    if (!guest) return;
    const accountCart = await findAccountCart(trx, accountId);
    if (!accountCart) {
      // The simple case: the guest cart becomes the account's.
      await trx.updateTable('carts').set({ account_id: accountId, guest_token_hash: null, updated_at: now }).where('id', '=', guest.id).execute();
      return;
    }
    const guestLines = await trx.selectFrom('cart_lines').selectAll().where('cart_id', '=', guest.id).orderBy('added_at').orderBy('id').execute();
    const ownLines = await trx.selectFrom('cart_lines').selectAll().where('cart_id', '=', accountCart).execute();
    let lineCount = ownLines.length;
    for (const line of guestLines) {
      const stock = await stockOf(trx, line.product_id, line.variant_id);
      const own = ownLines.find((l) => l.product_id === line.product_id && l.variant_id === line.variant_id);
      if (own) {
        const quantity = Math.min(own.quantity + line.quantity, MAX_LINE_QUANTITY, stock);
        if (quantity > own.quantity) await trx.updateTable('cart_lines').set({ quantity }).where('id', '=', own.id).execute();
      } else if (lineCount < MAX_LINES) {
        const quantity = Math.min(line.quantity, MAX_LINE_QUANTITY, stock);
        if (quantity <= 0) continue;
        await trx
          .insertInto('cart_lines')
          .values({ id: crypto.randomUUID(), cart_id: accountCart, product_id: line.product_id, variant_id: line.variant_id, quantity, added_at: line.added_at })
          .execute();
        lineCount += 1;
      }
    }
    await moveCartKeys(trx, guest.id, accountCart);
    await trx.deleteFrom('carts').where('id', '=', guest.id).execute();
    await trx.updateTable('carts').set({ updated_at: now }).where('id', '=', accountCart).execute();
  });
}
