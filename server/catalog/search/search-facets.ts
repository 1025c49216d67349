/**
 * Filters and facet counts of search results, in memory over the ranked hits: the same facets,
 * buckets and counting rules as a category page (browse/facet-maths), so one filter sheet serves both.
 */
import type { Facets } from '../../../shared/api-types';
import { DISCOUNT_THRESHOLDS, PRICE_BUCKETS, RATING_THRESHOLDS, type BrowseFilters, type PriceRange } from '../browse/facet-definitions';
import { computeFacets, type BrandCounts } from '../browse/facet-maths';

/** What a hit must carry to be filtered and counted. */
export interface FacetFields {
  brand: string;
  price: number;
  rating: number;
  discountPercent: number;
}

const inRange = (price: number, range: PriceRange): boolean => price >= range.min && (range.max === null || price < range.max);

/** Whether a hit meets every filter except the one named in `except`. */
function meets(doc: FacetFields, filters: BrowseFilters, except?: keyof BrowseFilters): boolean {
  return (
    (except === 'brands' || filters.brands.length === 0 || filters.brands.includes(doc.brand)) &&
    (except === 'price' || filters.price === null || inRange(doc.price, filters.price)) &&
    (except === 'rating' || filters.rating === null || doc.rating >= filters.rating) &&
    (except === 'discount' || filters.discount === null || doc.discountPercent >= filters.discount)
  );
}

/** The hits that meet every filter, in the given order. */
export function filterHits<T extends { doc: FacetFields }>(hits: readonly T[], filters: BrowseFilters): T[] {
  return hits.filter((hit) => meets(hit.doc, filters));
}

/** Per-brand counts of the hits, each under the filters its facet depends on (as browse-query counts them). */
export function brandCountsOf(docs: readonly FacetFields[], filters: BrowseFilters): BrandCounts[] {
  const rows = new Map<string, BrandCounts>();
  for (const doc of docs) {
    let row = rows.get(doc.brand);
    if (!row) {
      row = { brand: doc.brand, all: 0, matching: 0, price: PRICE_BUCKETS.map(() => 0), rating: RATING_THRESHOLDS.map(() => 0), discount: DISCOUNT_THRESHOLDS.map(() => 0) };
      rows.set(doc.brand, row);
    }
    row.all += 1;
    if (meets(doc, filters, 'brands')) row.matching += 1;
    const withoutBrand = { ...filters, brands: [] };
    if (meets(doc, withoutBrand, 'price')) PRICE_BUCKETS.forEach((bucket, i) => inRange(doc.price, bucket) && (row.price[i]! += 1));
    if (meets(doc, withoutBrand, 'rating')) RATING_THRESHOLDS.forEach((stars, i) => doc.rating >= stars && (row.rating[i]! += 1));
    if (meets(doc, withoutBrand, 'discount')) DISCOUNT_THRESHOLDS.forEach((percent, i) => doc.discountPercent >= percent && (row.discount[i]! += 1));
  }
  return [...rows.values()].sort((a, b) => a.brand.localeCompare(b.brand));
}

/** The facets of a set of hits under the filters, and how many meet them all. */
export function searchFacets(docs: readonly FacetFields[], filters: BrowseFilters): { facets: Facets; total: number } {
  return computeFacets(brandCountsOf(docs, filters), filters);
}
