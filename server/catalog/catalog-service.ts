/**
 * Reads of the catalog that other domains use (the cart, recently viewed, the home page).
 * Each function takes the store, or a Kysely transaction so the cart can read inside its own.
 */
import { Kysely } from 'kysely';
import type { Category, HomeResult, Product, ProductSummary, Variant } from '../../shared/api-types';
import type { Store } from '../store/database';
import type { Database } from '../store/schema';
import { loadFamily } from './families/family-view';
import { SUMMARY_COLUMNS, toProduct, toSummary, toVariant } from './product-rows';

/** A store, or a Kysely instance or transaction over the shop's tables. */
export type CatalogSource = Store | Kysely<Database>;

function dbOf(source: CatalogSource): Kysely<Database> {
  return source instanceof Kysely ? source : source.db;
}

/** Every category in menu order, with how many products it holds. */
export async function listCategories(source: CatalogSource): Promise<Category[]> {
  const rows = await dbOf(source)
    .selectFrom('categories')
    .leftJoin('products', 'products.category_slug', 'categories.slug')
    .select((eb) => ['categories.slug', 'categories.name', 'categories.position', eb.fn.count<number>('products.id').as('count')])
    .groupBy(['categories.slug', 'categories.name', 'categories.position'])
    .orderBy('categories.position')
    .execute();
  return rows.map((row) => ({ slug: row.slug, name: row.name, productCount: Number(row.count) }));
}

/** One product with its variants and its family, or undefined when no product has this id. */
export async function getProduct(source: CatalogSource, productId: string): Promise<Product | undefined> {
  const db = dbOf(source);
  const row = await db.selectFrom('products').selectAll().where('id', '=', productId).executeTakeFirst();
  if (!row) return undefined;
  const [variants, family] = await Promise.all([
    db.selectFrom('product_variants').selectAll().where('product_id', '=', productId).orderBy('position').execute(),
    loadFamily(db, row.family_id),
  ]);
  return toProduct(row, variants, family);
}

/** Summaries of the given products in the order asked for; unknown ids are skipped. */
export async function getProductSummaries(source: CatalogSource, ids: readonly string[]): Promise<ProductSummary[]> {
  if (ids.length === 0) return [];
  const rows = await dbOf(source).selectFrom('products').select(SUMMARY_COLUMNS).where('id', 'in', [...new Set(ids)]).execute();
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What the cart needs to price and reserve a product: its prices, its own stock and each variant's. */
export interface ProductAvailability {
  productId: string;
  mrp: number;
  price: number;
  /** Stock of a product without variants; the sum of the variants' stock otherwise. */
  stock: number;
  /** Empty when the product comes in one colour and size (its cart lines use variant id ''). */
  variants: Variant[];
}

/** Prices, stock and variants of one product, or undefined when no product has this id. */
export async function getProductAvailability(source: CatalogSource, productId: string): Promise<ProductAvailability | undefined> {
  const db = dbOf(source);
  const row = await db.selectFrom('products').select(['id', 'mrp', 'price', 'stock']).where('id', '=', productId).executeTakeFirst();
  if (!row) return undefined;
  const variants = await db.selectFrom('product_variants').selectAll().where('product_id', '=', productId).orderBy('position').execute();
  return { productId: row.id, mrp: Number(row.mrp), price: Number(row.price), stock: Number(row.stock), variants: variants.map(toVariant) };
}

const DEALS_PER_CATEGORY = 2;
const TOP_RATED = 12;
// A 4.8 from a dozen ratings is not a top-rated product yet.
const TOP_RATED_MIN_RATINGS = 1000;

/** The home page: categories, the biggest in-stock discounts of each category, the best-rated products. */
export async function getHome(source: CatalogSource): Promise<HomeResult> {
  const db = dbOf(source);
  const categories = await listCategories(db);
  const dealRows = await Promise.all(
    categories.map((category) =>
      db
        .selectFrom('products')
        .select(SUMMARY_COLUMNS)
        .where('category_slug', '=', category.slug)
        .where('stock', '>', 0)
        .orderBy('discount_percent', 'desc')
        .orderBy('rating_count', 'desc')
        .orderBy('id')
        .limit(DEALS_PER_CATEGORY)
        .execute(),
    ),
  );
  const topRated = await db
    .selectFrom('products')
    .select(SUMMARY_COLUMNS)
    .where('stock', '>', 0)
    .where('rating_count', '>=', TOP_RATED_MIN_RATINGS)
    .orderBy('rating', 'desc')
    .orderBy('rating_count', 'desc')
    .orderBy('id')
    .limit(TOP_RATED)
    .execute();
  return { categories, deals: dealRows.flat().map(toSummary), topRated: topRated.map(toSummary) };
}
