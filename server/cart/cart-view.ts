/** The cart as the API answers it: every line priced at today's prices, and the totals. */
import type { Kysely } from 'kysely';
import type { Cart, CartLine, ProductImage } from '../../shared/api-types';
import { summarize } from '../../shared/price';
import { getProductSummaries } from '../catalog/catalog-service';
import { productImages, toVariant } from '../catalog/product-rows';
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
  const pictures = await colourPictures(db, rows.filter((r) => r.variant_id !== '').map((r) => r.product_id));
  const lines: CartLine[] = [];
  for (const row of rows) {
    const summary = products.get(row.product_id);
    if (!summary) continue;
    const variant = variants.get(row.variant_id) ?? null;
    // The line shows the colour the shopper picked, as the product page did.
    const picture = variant ? pictures.get(row.product_id)?.find((image) => image.alt.toLowerCase().endsWith(` in ${variant.color}`.toLowerCase())) : undefined;
    const product = picture ? { ...summary, image: picture } : summary;
    lines.push({
      id: row.id,
      product,
      variant,
      quantity: row.quantity,
      unitPrice: product.price,
      unitMrp: product.mrp,
      lineTotal: product.price * row.quantity,
    });
  }
  return { lines, summary: summarize(lines) };
}

/** Every picture of the given products, by product id. */
async function colourPictures(db: Kysely<Database>, productIds: string[]): Promise<Map<string, ProductImage[]>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(['id', 'images']).where('id', 'in', [...new Set(productIds)]).execute();
  return new Map(rows.map((row) => [row.id, productImages(row)]));
}
