/** The two queries behind a category page: per-brand facet counts, and one sorted page of products. */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { SortKey } from '../../../shared/api-types';
import type { Database } from '../../store/schema';
import { SUMMARY_COLUMNS, type SummaryRow } from '../product-rows';
import { DISCOUNT_THRESHOLDS, PRICE_BUCKETS, RATING_THRESHOLDS, type BrowseFilters, type PriceRange } from './facet-definitions';
import type { BrandCounts } from './facet-maths';

type Eb = ExpressionBuilder<Database, 'products'>;
type Condition = Expression<SqlBool>;

function priceIn(eb: Eb, range: PriceRange): Condition[] {
  return [eb('products.price', '>=', range.min), ...(range.max === null ? [] : [eb('products.price', '<', range.max)])];
}

/** The conditions of each filter, kept apart so each facet can leave its own out. */
function conditions(eb: Eb, filters: BrowseFilters) {
  return {
    brand: filters.brands.length > 0 ? [eb('products.brand', 'in', filters.brands)] : [],
    price: filters.price ? priceIn(eb, filters.price) : [],
    rating: filters.rating === null ? [] : [eb('products.rating', '>=', filters.rating)],
    discount: filters.discount === null ? [] : [eb('products.discount_percent', '>=', filters.discount)],
  };
}

/** COUNT of the rows meeting every condition, as a conditional aggregate so one scan yields every count. */
function countWhere(eb: Eb, all: Condition[]) {
  if (all.length === 0) return eb.fn.countAll<number>();
  return eb.fn.count<number>(eb.case().when(eb.and(all)).then(eb.lit(1)).end());
}

/** Per-brand counts of a category under the filters, for `computeFacets`. */
export async function queryBrandCounts(db: Kysely<Database>, categorySlug: string, filters: BrowseFilters): Promise<BrandCounts[]> {
  const rows = await db
    .selectFrom('products')
    .where('products.category_slug', '=', categorySlug)
    .select((eb) => {
      const c = conditions(eb, filters);
      return [
        'products.brand',
        eb.fn.countAll<number>().as('all'),
        countWhere(eb, [...c.price, ...c.rating, ...c.discount]).as('matching'),
        ...PRICE_BUCKETS.map((bucket, i) => countWhere(eb, [...priceIn(eb, bucket), ...c.rating, ...c.discount]).as(`p${i}`)),
        ...RATING_THRESHOLDS.map((stars, i) => countWhere(eb, [eb('products.rating', '>=', stars), ...c.price, ...c.discount]).as(`r${i}`)),
        ...DISCOUNT_THRESHOLDS.map((percent, i) => countWhere(eb, [eb('products.discount_percent', '>=', percent), ...c.price, ...c.rating]).as(`d${i}`)),
      ];
    })
    .groupBy('products.brand')
    .orderBy('products.brand')
    .execute();
  return rows.map((row) => {
    const counts = row as unknown as Record<string, number | string>;
    const pick = (prefix: string, length: number) => Array.from({ length }, (_, i) => Number(counts[`${prefix}${i}`]));
    return {
      brand: row.brand,
      all: Number(row.all),
      matching: Number(row.matching),
      price: pick('p', PRICE_BUCKETS.length),
      rating: pick('r', RATING_THRESHOLDS.length),
      discount: pick('d', DISCOUNT_THRESHOLDS.length),
    };
  });
}

/** One page of a category's products matching every filter, in the asked order. */
export async function queryProductPage(
  db: Kysely<Database>,
  categorySlug: string,
  filters: BrowseFilters,
  sort: SortKey,
  page: number,
  pageSize: number,
): Promise<SummaryRow[]> {
  let query = db
    .selectFrom('products')
    .select(SUMMARY_COLUMNS)
    .where('products.category_slug', '=', categorySlug)
    .where((eb) => {
      const c = conditions(eb, filters);
      return eb.and([...c.brand, ...c.price, ...c.rating, ...c.discount]);
    });
  switch (sort) {
    case 'price_asc':
      query = query.orderBy('products.price', 'asc');
      break;
    case 'price_desc':
      query = query.orderBy('products.price', 'desc');
      break;
    case 'newest':
      query = query.orderBy('products.created_at', 'desc');
      break;
    case 'rating':
      query = query.orderBy('products.rating', 'desc').orderBy('products.rating_count', 'desc');
      break;
    case 'relevance':
      // With no query text, relevance in a category is popularity: how many shoppers rated it.
      query = query.orderBy('products.rating_count', 'desc');
      break;
  }
  // The id breaks ties, so pages never overlap or skip a product.
  return query.orderBy('products.id').limit(pageSize).offset((page - 1) * pageSize).execute();
}
