/**
 * Browse filters ↔ URL search params. The URL holds the sort and the facet filters (so a link
 * shares them and Back undoes them) but never the page: infinite scroll is not a place to link to.
 * Param values are exactly the facet `value` strings the API sends back.
 */
import type { Facets, SortKey } from '@storefront/kit';

export interface BrowseSelection {
  sort: SortKey;
  brands: string[];
  /** `MIN-MAX` in rupees, MAX optional. */
  price: string | null;
  /** Minimum stars, `1`–`4`. */
  rating: string | null;
  /** Minimum discount percent. */
  discount: string | null;
}

export const SORT_OPTIONS: ReadonlyArray<{ value: SortKey; label: string }> = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'rating', label: 'Popularity' },
  { value: 'price_asc', label: 'Price: Low to High' },
  { value: 'price_desc', label: 'Price: High to Low' },
  { value: 'newest', label: 'Newest First' },
];

/** The selection of a URL with no params: what the shell renders. */
export const NO_SELECTION: BrowseSelection = { sort: 'relevance', brands: [], price: null, rating: null, discount: null };

const MAX_BRANDS = 30;
const PRICE = /^[0-9]{1,7}-[0-9]{0,7}$/;
const RATING = /^[1-4]$/;
const DISCOUNT = /^[1-9][0-9]?$/;

function matching(value: string | null, pattern: RegExp): string | null {
  return value !== null && pattern.test(value) ? value : null;
}

/** Reads the selection from URL params, dropping what the API would refuse (hand-edited links). */
export function readSelection(params: URLSearchParams): BrowseSelection {
  const sortParam = params.get('sort');
  const sort = SORT_OPTIONS.find((option) => option.value === sortParam)?.value ?? 'relevance';
  const brands = [...new Set((params.get('brand') ?? '').split(',').map((b) => b.trim()).filter((b) => b && b.length <= 60))].slice(0, MAX_BRANDS);
  return { sort, brands, price: matching(params.get('price'), PRICE), rating: matching(params.get('rating'), RATING), discount: matching(params.get('discount'), DISCOUNT) };
}

/** The URL params of a selection; defaults are left out so URLs stay short and canonical. */
export function selectionToParams(selection: BrowseSelection): URLSearchParams {
  const params = new URLSearchParams();
  if (selection.sort !== 'relevance') params.set('sort', selection.sort);
  if (selection.brands.length > 0) params.set('brand', selection.brands.join(','));
  if (selection.price) params.set('price', selection.price);
  if (selection.rating) params.set('rating', selection.rating);
  if (selection.discount) params.set('discount', selection.discount);
  return params;
}

/** The selection with `brand` ticked or unticked. */
export function toggleBrand(selection: BrowseSelection, brand: string): BrowseSelection {
  const brands = selection.brands.includes(brand) ? selection.brands.filter((b) => b !== brand) : [...selection.brands, brand];
  return { ...selection, brands };
}

/** How many filters are on (each brand counts), for the Filter button's badge. */
export function activeFilterCount(selection: BrowseSelection): number {
  return selection.brands.length + [selection.price, selection.rating, selection.discount].filter(Boolean).length;
}

/** Every filter off; the sort stays, as "Clear all" in a filter panel means filters. */
export function clearFilters(selection: BrowseSelection): BrowseSelection {
  return { ...NO_SELECTION, sort: selection.sort };
}

/** The browse API path of one page of a category under a selection. */
export function browseApiPath(slug: string, selection: BrowseSelection, page: number, pageSize: number): string {
  const params = selectionToParams(selection);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  return `catalog/browse/${encodeURIComponent(slug)}?${params}`;
}

/** The search API path of one page of results for `query` (may be empty: filters only) under a selection. */
export function searchApiPath(query: string, selection: BrowseSelection, page: number, pageSize: number): string {
  const params = selectionToParams(selection);
  if (query) params.set('q', query);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  return `catalog/search?${params}`;
}

/** The search page URL of a query under a selection; the query leads, as shoppers read it. */
export function searchPagePath(query: string, selection: BrowseSelection): string {
  const params = new URLSearchParams(query ? { q: query } : {});
  for (const [name, value] of selectionToParams(selection)) params.set(name, value);
  const text = params.toString();
  return text ? `/search?${text}` : '/search';
}

/** One applied filter, as a removable chip shows it. */
export interface AppliedFilter {
  key: string;
  label: string;
  /** The selection without this filter. */
  without: BrowseSelection;
}

/** The filters a selection applies, labelled the way the filter sheet labels them. */
export function appliedFilters(selection: BrowseSelection, facets: Facets | null): AppliedFilter[] {
  const labelOf = (facet: keyof Facets, value: string, fallback: string): string => facets?.[facet].find((v) => v.value === value)?.label ?? fallback;
  const chips: AppliedFilter[] = selection.brands.map((brand) => ({ key: `brand:${brand}`, label: brand, without: toggleBrand(selection, brand) }));
  if (selection.price) chips.push({ key: 'price', label: labelOf('price', selection.price, `₹${selection.price.replace('-', ' – ₹').replace(/ – ₹$/, '+')}`), without: { ...selection, price: null } });
  if (selection.rating) chips.push({ key: 'rating', label: labelOf('rating', selection.rating, `${selection.rating}★ & above`), without: { ...selection, rating: null } });
  if (selection.discount) chips.push({ key: 'discount', label: labelOf('discount', selection.discount, `${selection.discount}% or more`), without: { ...selection, discount: null } });
  return chips;
}
