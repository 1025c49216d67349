/**
 * Facet counts from one aggregate row per brand. Each facet counts with every OTHER facet's filter
 * applied, so picking "Samsung" narrows the price counts but still shows what other brands hold.
 */
import type { FacetValue, Facets } from '../../../shared/api-types';
import { DISCOUNT_THRESHOLDS, PRICE_BUCKETS, RATING_THRESHOLDS, priceValue, type BrowseFilters } from './facet-definitions';

/** Counts of one brand within the category, each under the filters its facet depends on. */
export interface BrandCounts {
  brand: string;
  /** Every product of the brand in the category, filters or not. */
  all: number;
  /** Products matching the price, rating and discount filters (the brand facet's count). */
  matching: number;
  /** Per price bucket, products matching the rating and discount filters. */
  price: number[];
  /** Per rating threshold, products matching the price and discount filters. */
  rating: number[];
  /** Per discount threshold, products matching the price and rating filters. */
  discount: number[];
}

/** The facets and the number of products that match every filter. */
export function computeFacets(rows: readonly BrandCounts[], filters: BrowseFilters): { facets: Facets; total: number } {
  const picked = new Set(filters.brands);
  // Brand is a row, not a column: the other facets count only the rows of the picked brands.
  const inBrands = picked.size === 0 ? rows : rows.filter((row) => picked.has(row.brand));
  const sum = (pick: (row: BrandCounts) => number) => inBrands.reduce((total, row) => total + pick(row), 0);

  const brandValues: FacetValue[] = rows
    .filter((row) => row.matching > 0 || picked.has(row.brand))
    .map((row) => ({ value: row.brand, label: row.brand, count: row.matching, selected: picked.has(row.brand) }));
  // A picked brand that the category does not hold still shows, so it can be unpicked.
  for (const brand of picked) {
    if (!rows.some((row) => row.brand === brand)) brandValues.push({ value: brand, label: brand, count: 0, selected: true });
  }
  brandValues.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

  const selectedPrice = filters.price ? priceValue(filters.price) : null;
  const price = PRICE_BUCKETS.map((bucket, i) => ({ value: bucket.value, label: bucket.label, count: sum((row) => row.price[i] ?? 0), selected: bucket.value === selectedPrice }))
    .filter((value) => value.count > 0 || value.selected);
  const rating = RATING_THRESHOLDS.map((stars, i) => ({ value: String(stars), label: `${stars}★ & above`, count: sum((row) => row.rating[i] ?? 0), selected: filters.rating === stars }));
  const discount = DISCOUNT_THRESHOLDS.map((percent, i) => ({ value: String(percent), label: `${percent}% or more`, count: sum((row) => row.discount[i] ?? 0), selected: filters.discount === percent }))
    .filter((value) => value.count > 0 || value.selected);

  return { facets: { brand: brandValues, price, rating, discount }, total: sum((row) => row.matching) };
}
