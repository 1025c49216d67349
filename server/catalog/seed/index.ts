/**
 * Seeds the demo catalog on a fresh store: deterministic (seeded PRNG), realistic, and fast because
 * it is one transaction of batched multi-row inserts.
 */
import type { Store } from '../../store/database';
import { notifyCatalogChanged } from '../catalog-events';
import { buildRows, type SeedRows } from './build-rows';
import { SEED_CATEGORIES, splitCount } from './categories';
import { assignFamilies } from './families';
import { createRandom } from './random';

// Well under SQLite's and PostgreSQL's bound-parameter limits (products have 20 columns).
const PRODUCT_BATCH = 250;
const VARIANT_BATCH = 1000;
const REVIEW_BATCH = 500;

/** Every row of a catalog of about `count` products; the same rows for the same count. */
export function generateCatalog(count: number): { categories: Array<{ slug: string; name: string; position: number }>; rows: SeedRows[] } {
  const usedIds = new Set<string>();
  const counts = splitCount(count);
  const rows = SEED_CATEGORIES.flatMap((category, i) => {
    // One stream per category, so changing one generator does not reshuffle the others.
    const random = createRandom(`storefront-lite/${category.slug}`);
    const drafts = category.generate(random, counts[i]!);
    const families = assignFamilies(category.slug, drafts);
    return drafts.map((draft, n) => buildRows(random, draft, category.slug, usedIds, families[n]));
  });
  const categories = SEED_CATEGORIES.map((category, position) => ({ slug: category.slug, name: category.name, position }));
  return { categories, rows };
}

/** Seeds `count` products when the store has no catalog yet; does nothing otherwise. */
export async function seedCatalogIfEmpty(store: Store, count: number): Promise<{ seeded: boolean; products: number }> {
  const existing = await countProducts(store);
  const hasCategories = await store.db.selectFrom('categories').select('slug').limit(1).executeTakeFirst();
  if (existing > 0 || hasCategories) return { seeded: false, products: existing };

  const { categories, rows } = generateCatalog(count);
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto('categories').values(categories).execute();
    for (const batch of chunks(rows.map((r) => r.product), PRODUCT_BATCH)) await trx.insertInto('products').values(batch).execute();
    for (const batch of chunks(rows.flatMap((r) => r.variants), VARIANT_BATCH)) await trx.insertInto('product_variants').values(batch).execute();
    for (const batch of chunks(rows.flatMap((r) => r.reviews), REVIEW_BATCH)) await trx.insertInto('product_reviews').values(batch).execute();
  });
  await notifyCatalogChanged(store);
  return { seeded: true, products: rows.length };
}

async function countProducts(store: Store): Promise<number> {
  const row = await store.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Splits `items` into runs of at most `size`, for multi-row inserts. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
