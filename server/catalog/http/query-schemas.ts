/**
 * What each catalog endpoint accepts, as zod schemas. Unknown query parameters are ignored;
 * malformed known ones are a `bad-request` that names the parameter.
 */
import { z } from 'zod';
import type { ReviewSort, SortKey } from '../../../shared/api-types';
import type { BrowseFilters } from '../browse/facet-definitions';

/** Product ids look like `itm` and 13 hex digits. */
export const PRODUCT_ID_PATTERN = /^itm[0-9a-f]{13}$/;
export const MAX_PAGE_SIZE = 48;
export const DEFAULT_PAGE_SIZE = 24;
export const MAX_IDS = 50;
const MAX_PAGE = 1000;
const MAX_BRANDS = 30;
// Control characters have no place in a query, and PostgreSQL rejects NUL outright.
const CONTROL = /[\u0000-\u001f\u007f]/;

const SORT_KEYS = ['relevance', 'price_asc', 'price_desc', 'newest', 'rating'] as const satisfies readonly SortKey[];

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,7}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const paging = {
  page: wholeNumber(1, MAX_PAGE).default(1),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  sort: z.enum(SORT_KEYS, { message: `must be one of ${SORT_KEYS.join(', ')}` }).default('relevance'),
};

const searchText = z
  .string()
  .transform((text) => text.trim())
  .pipe(z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters').refine((text) => !CONTROL.test(text), 'must not contain control characters'));

const brandList = z
  .string()
  .max(2000)
  .transform((text) => [...new Set(text.split(',').map((brand) => brand.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(60, 'names a brand that is too long').refine((b) => !CONTROL.test(b), 'must not contain control characters')).max(MAX_BRANDS, `lists more than ${MAX_BRANDS} brands`));

const priceRange = z
  .string()
  .regex(/^[0-9]{1,7}-[0-9]{0,7}$/, 'must be MIN-MAX in rupees, e.g. 500-2000 (MAX may be left out)')
  .transform((text) => {
    const [min, max] = text.split('-');
    return { min: Number(min) * 100, max: max ? Number(max) * 100 : null };
  })
  .refine((range) => range.max === null || range.max > range.min, 'MIN must be below MAX');

/** `/browse/:slug` path parameter. */
export const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/, 'is not a category name') });

const facetFilters = {
  brand: brandList.optional(),
  price: priceRange.optional(),
  rating: wholeNumber(1, 4).optional(),
  discount: wholeNumber(1, 99).optional(),
};

type FacetParams = { brand?: string[] | undefined; price?: BrowseFilters['price'] | undefined; rating?: number | undefined; discount?: number | undefined };

/** The filters named by the facet params of a browse or search URL. */
function filtersOf({ brand, price, rating, discount }: FacetParams): BrowseFilters {
  return { brands: brand ?? [], price: price ?? null, rating: rating ?? null, discount: discount ?? null };
}

/** `/browse/:slug` query: paging, sort and the facet filters. */
export const browseQuery = z
  .object({ ...paging, ...facetFilters })
  .transform(({ brand, price, rating, discount, ...rest }) => ({ ...rest, filters: filtersOf({ brand, price, rating, discount }) }));

/**
 * `/search` query: the text, paging, sort and the same facet filters as browsing. Without text it
 * lists every product under the filters ("View all" of the home page's deals), so a filter is then required.
 */
export const searchQuery = z
  .object({ q: searchText.optional(), ...paging, ...facetFilters })
  .refine((query) => query.q !== undefined || query.brand !== undefined || query.price !== undefined || query.rating !== undefined || query.discount !== undefined, {
    message: 'is required (or a filter: brand, price, rating, discount)',
    path: ['q'],
  })
  .transform(({ q, brand, price, rating, discount, ...rest }) => ({ ...rest, q: q ?? '', filters: filtersOf({ brand, price, rating, discount }) }));

/** `/suggest` query. */
export const suggestQuery = z.object({ q: searchText });

/** `/products/:itemId` path parameter. */
export const productParams = z.object({ itemId: z.string().regex(PRODUCT_ID_PATTERN, 'is not a product id') });

/** `/products?ids=a,b,c` query. */
export const productListQuery = z.object({
  ids: z
    .string()
    .max(MAX_IDS * 20)
    .transform((text) => text.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(PRODUCT_ID_PATTERN, 'is not a product id'))
        .min(1, 'must list at least one product id')
        .max(MAX_IDS, `must list at most ${MAX_IDS} product ids`),
    ),
});

const REVIEW_SORTS = ['helpful', 'newest', 'positive', 'negative'] as const satisfies readonly ReviewSort[];

/** `/products/:itemId/reviews` query: a page of reviews in an order. */
export const reviewsQuery = z.object({
  page: wholeNumber(1, MAX_PAGE).default(1),
  pageSize: wholeNumber(1, 20).default(5),
  sort: z.enum(REVIEW_SORTS, { message: `must be one of ${REVIEW_SORTS.join(', ')}` }).default('helpful'),
});
