/**
 * "Similar products" on a product page: other models of the same category at a similar price, the
 * same brand first among equals. Other listings of the product's own family are left out: the
 * page's selectors already lead to them.
 */
import type { Kysely } from 'kysely';
import type { ProductSummary } from '../../../shared/api-types';
import type { Database } from '../../store/schema';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../product-rows';

const CANDIDATES = 60;

/** How far apart two prices are, as a ratio: ₹10,000 and ₹12,000 are as far as ₹1,000 and ₹1,200. */
function priceDistance(a: number, b: number): number {
  return Math.abs(Math.log(Math.max(1, a) / Math.max(1, b)));
}

/** Candidates ranked: closest price first; the same brand counts as a fifth closer; then popularity. */
export function rankSimilar<T extends Pick<SummaryRow, 'id' | 'price' | 'brand' | 'rating_count'>>(product: Pick<SummaryRow, 'price' | 'brand'>, candidates: readonly T[]): T[] {
  const score = (c: T): number => priceDistance(c.price, product.price) * (c.brand === product.brand ? 0.8 : 1);
  return candidates.slice().sort((a, b) => score(a) - score(b) || b.rating_count - a.rating_count || (a.id < b.id ? -1 : 1));
}

/** Up to `limit` in-stock products like `productId`, or undefined when no product has this id. */
export async function getSimilarProducts(db: Kysely<Database>, productId: string, limit = 12): Promise<ProductSummary[] | undefined> {
  const product = await db.selectFrom('products').select(['id', 'category_slug', 'price', 'brand', 'family_id']).where('id', '=', productId).executeTakeFirst();
  if (!product) return undefined;
  const near = (direction: 'up' | 'down') => {
    let query = db
      .selectFrom('products')
      .select(SUMMARY_COLUMNS)
      .where('products.category_slug', '=', product.category_slug)
      .where('products.id', '!=', product.id)
      .where('products.stock', '>', 0)
      .where('products.price', direction === 'up' ? '>=' : '<', product.price);
    if (product.family_id) query = query.where((eb) => eb.or([eb('products.family_id', 'is', null), eb('products.family_id', '!=', product.family_id)]));
    // The category's price index walks outward from the product's price in each direction.
    return query.orderBy('products.price', direction === 'up' ? 'asc' : 'desc').limit(CANDIDATES / 2).execute();
  };
  const [above, below] = await Promise.all([near('up'), near('down')]);
  const rows = rankSimilar({ price: Number(product.price), brand: product.brand }, [...above, ...below].map((row) => ({ ...row, price: Number(row.price), rating_count: Number(row.rating_count) })));
  // One card per model: the family's first listing in rank stands for it.
  const seenTitles = new Set<string>();
  const picked = rows.filter((row) => {
    const model = row.title.split(' (')[0]!;
    if (seenTitles.has(model)) return false;
    seenTitles.add(model);
    return true;
  });
  return picked.slice(0, limit).map(toSummary);
}
