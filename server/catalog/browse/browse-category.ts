/** A category page: its products under the shopper's filters and sort, with facet counts. */
import type { BrowseResult, SortKey } from '../../../shared/api-types';
import { AppError } from '../../errors/app-error';
import type { Store } from '../../store/database';
import { toSummary } from '../product-rows';
import { queryBrandCounts, queryProductPage } from './browse-query';
import type { BrowseFilters } from './facet-definitions';
import { computeFacets } from './facet-maths';

export interface BrowseRequest {
  slug: string;
  filters: BrowseFilters;
  sort: SortKey;
  page: number;
  pageSize: number;
}

/** Browses one category; throws `category-not-found` for an unknown slug. */
export async function browseCategory(store: Store, request: BrowseRequest): Promise<BrowseResult> {
  const { db } = store;
  const category = await db.selectFrom('categories').select(['slug', 'name']).where('slug', '=', request.slug).executeTakeFirst();
  if (!category) throw new AppError('category-not-found', { slug: request.slug });
  const [brandCounts, rows] = await Promise.all([
    queryBrandCounts(db, category.slug, request.filters),
    queryProductPage(db, category.slug, request.filters, request.sort, request.page, request.pageSize),
  ]);
  const { facets, total } = computeFacets(brandCounts, request.filters);
  return {
    category: { slug: category.slug, name: category.name, productCount: brandCounts.reduce((sum, row) => sum + row.all, 0) },
    products: rows.map(toSummary),
    facets,
    sort: request.sort,
    page: request.page,
    pageSize: request.pageSize,
    total,
  };
}
