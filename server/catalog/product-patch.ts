/**
 * Operators' changes to a product: price, MRP and stock (per variant, or the product's own when it
 * has none). The discount percent follows the prices, a product's stock stays the sum of its
 * variants', and in-memory views of the catalog are told to refresh. Orders already placed keep
 * the prices they were placed at; the next checkout summary sees the new ones.
 */
import { z } from 'zod';
import { discountPercent } from '../../shared/price';
import type { Product } from '../../shared/api-types';
import { AppError } from '../errors/app-error';
import type { Store } from '../store/database';
import { notifyCatalogChanged } from './catalog-events';
import { getProduct } from './catalog-service';

const paise = z.number().int('must be a whole number of paise').min(100, 'must be at least ₹1').max(1_00_00_000_00, 'is not a price we sell at');
const stock = z.number().int('must be a whole number').min(0, 'cannot be negative').max(1_000_000, 'must be at most 1,000,000');

export const productPatchBody = z
  .strictObject({
    price: paise.optional(),
    mrp: paise.optional(),
    /** For a product without variants. */
    stock: stock.optional(),
    variants: z
      .array(z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a variant id'), stock }))
      .min(1, 'must name at least one variant')
      .max(100, 'can name at most 100 variants')
      .refine((list) => new Set(list.map((v) => v.id)).size === list.length, 'names a variant twice')
      .optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'must change price, mrp, stock or variants');

export type ProductPatch = z.output<typeof productPatchBody>;

/** Applies `patch` to product `productId` and answers the product as the catalog API shows it. */
export async function patchProduct(store: Store, productId: string, patch: ProductPatch): Promise<Product> {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('products').select(['id', 'price', 'mrp']).where('id', '=', productId).executeTakeFirst();
    if (!row) throw new AppError('product-not-found', { productId });
    const variants = await trx.selectFrom('product_variants').select('id').where('product_id', '=', productId).orderBy('id').execute();
    const price = patch.price ?? Number(row.price);
    const mrp = patch.mrp ?? Number(row.mrp);
    if (price > mrp) throw new AppError('bad-request', { problems: [{ field: 'price', problem: 'cannot be above the MRP' }] }, 'Invalid product change: price: cannot be above the MRP');
    if (patch.stock !== undefined && variants.length > 0) {
      throw new AppError('bad-request', { problems: [{ field: 'stock', problem: 'this product has variants: set each variant’s stock' }] }, 'Invalid product change: stock: this product has variants; set each variant’s stock');
    }
    const known = new Set(variants.map((v) => v.id));
    const unknown = (patch.variants ?? []).filter((v) => !known.has(v.id)).map((v) => v.id);
    if (unknown.length > 0) throw new AppError('bad-request', { problems: unknown.map((id) => ({ field: 'variants', problem: `${id} is not a variant of this product` })) }, `Invalid product change: variants: ${unknown[0]} is not a variant of this product`);

    // Variants first, then the product: the same lock order as orders take.
    for (const variant of [...(patch.variants ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      await trx.updateTable('product_variants').set({ stock: variant.stock }).where('id', '=', variant.id).execute();
    }
    await trx
      .updateTable('products')
      .set((eb) => ({
        price,
        mrp,
        discount_percent: discountPercent(mrp, price),
        ...(patch.stock !== undefined ? { stock: patch.stock } : {}),
        ...(patch.variants ? { stock: eb.selectFrom('product_variants').select((s) => s.fn.sum<number>('stock').as('total')).where('product_id', '=', productId) } : {}),
      }))
      .where('id', '=', productId)
      .execute();
  });
  // Prices and stock only: the search index re-reads this product, and only answers it shows in go.
  await notifyCatalogChanged(store, { products: [productId] });
  return (await getProduct(store, productId))!;
}
