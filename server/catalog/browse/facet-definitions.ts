/** The facets a category can be narrowed by, and the filters a shopper has picked from them. */
import { formatRupees } from '../../../shared/price';

/** Price ranges in paise; `max` is exclusive and null means no upper bound. */
export interface PriceRange {
  min: number;
  max: number | null;
}

/** What a browse request narrows the category to; empty means no filter. */
export interface BrowseFilters {
  brands: string[];
  price: PriceRange | null;
  /** Minimum star rating (4 means 4★ and above). */
  rating: number | null;
  /** Minimum discount percent. */
  discount: number | null;
}

export const NO_FILTERS: BrowseFilters = { brands: [], price: null, rating: null, discount: null };

/** Bucket edges of the price facet, in rupees; the last bucket is open-ended. */
export const PRICE_EDGES_RUPEES = [0, 500, 1000, 2000, 5000, 10000, 20000, 50000] as const;
export const RATING_THRESHOLDS = [4, 3] as const;
export const DISCOUNT_THRESHOLDS = [10, 30, 50, 70] as const;

export interface PriceBucket extends PriceRange {
  /** The `price` query value that selects this bucket, e.g. `500-1000` or `50000-`. */
  value: string;
  label: string;
}

/** The price facet's buckets, cheapest first. */
export const PRICE_BUCKETS: readonly PriceBucket[] = PRICE_EDGES_RUPEES.map((from, i) => {
  const to = PRICE_EDGES_RUPEES[i + 1];
  const label = i === 0 ? `Under ${formatRupees(to! * 100)}` : to === undefined ? `Over ${formatRupees(from * 100)}` : `${formatRupees(from * 100)} – ${formatRupees(to * 100)}`;
  return { min: from * 100, max: to === undefined ? null : to * 100, value: `${from}-${to ?? ''}`, label };
});

/** The `price` query value of a range, as PRICE_BUCKETS spell it. */
export function priceValue(range: PriceRange): string {
  return `${range.min / 100}-${range.max === null ? '' : range.max / 100}`;
}
