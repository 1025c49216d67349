/**
 * What a batch of change rows means to the catalog's in-memory views: nothing, a price or stock
 * change of some products (their sort keys and the answers showing them are re-read), or anything
 * (the search index is rebuilt and every answer goes). The views re-read the rows themselves, so
 * a batch is a set of keys, not a sequence of edits: applying it twice, or late, is harmless.
 */
import type { CatalogChange } from '../catalog-events';

/** One row of `catalog_changes`. */
export interface ChangeRow {
  seq: number;
  table_name: string;
  key: string;
  op: string;
}

/** Nothing changed, some products' prices or stock (or reviews) or pictures changed, or anything may have. */
export type BatchMeaning = { kind: 'none' } | { kind: 'products'; change: CatalogChange } | { kind: 'all' };

/** Past this many products in one batch, one rebuild costs less than re-reading each. */
export const MAX_PRODUCTS_PER_CHANGE = 1000;

/** Reads a batch of change rows as one change of the catalog. */
export function meaningOf(rows: readonly ChangeRow[]): BatchMeaning {
  if (rows.length === 0) return { kind: 'none' };
  const products = new Set<string>();
  const pictures = new Set<string>();
  for (const row of rows) {
    if (isProductChange(row)) products.add(row.key);
    else if (isPictureChange(row)) pictures.add(row.key);
    else return { kind: 'all' };
  }
  if (products.size + pictures.size > MAX_PRODUCTS_PER_CHANGE) return { kind: 'all' };
  return { kind: 'products', change: pictures.size > 0 ? { products: [...products], pictures: [...pictures] } : { products: [...products] } };
}

/**
 * Changes whose reach is one product's prices, stock, rating and page: price or stock updates of
 * products and variants, and reviews (a product's own page and its reviews). Anything else (text,
 * images, category, a product or variant added or removed, categories) may move any answer.
 */
function isProductChange(row: ChangeRow): boolean {
  if (row.table_name === 'product_reviews') return true;
  return (row.table_name === 'products' || row.table_name === 'product_variants') && row.op === 'price_stock';
}

/** A change of nothing but a product's pictures (migration 0016, decisions/0030). */
function isPictureChange(row: ChangeRow): boolean {
  return row.table_name === 'products' && row.op === 'images';
}
