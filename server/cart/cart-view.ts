/** The cart as the API answers it: every line priced at today's prices, and the totals. */
import type { Kysely } from 'kysely';
import type { Cart, CartLine } from '../../apps/kit/src/shared/api-types';
import { summarize } from '../../apps/kit/src/shared/price';
import { getProductSummaries } from '../catalog/catalog-service';
import { toVariant } from '../catalog/product-rows';
import type { Database } from '../store/schema';

export const EMPTY_CART: Cart = { lines: [], summary: summarize([]) };

/** Reads and prices a cart; lines are in the order they were added. */
export async function viewCart(db: Kysely<Database>, cartId: string | null): Promise<Cart> {
  if (!cartId) return EMPTY_CART;
  const rows = await db.selectFrom('cart_lines').selectAll().where('cart_id', '=', cartId).orderBy('added_at').orderBy('id').execute();
  if (rows.length === 0) return EMPTY_CART;
  const products = new Map((await getProductSummaries(db, rows.map((r) => r.product_id))).map((p) => [p.id, p]));
  const variantIds = rows.map((r) => r.variant_id).filter((id) => id !== '');
  const variants = new Map(
    variantIds.length === 0
      ? []
      : (await db.selectFrom('product_variants').selectAll().where('id', 'in', variantIds).execute()).map((v) => [v.id, toVariant(v)]),
  );
  const lines: CartLine[] = [];
  for (const row of rows) {
    const product = products.get(row.product_id);
    if (!product) continue;
    lines.push({
      id: row.id,
      product,
      variant: variants.get(row.variant_id) ?? null,
      quantity: row.quantity,
      unitPrice: product.price,
      unitMrp: product.mrp,
      lineTotal: product.price * row.quantity,
    });
  }
  return { lines, summary: summarize(lines) };
}
