/**
 * Search results for `?q=`, with the browse page's sort, filter sheet and URL state, applied filters
 * as chips, "showing results for" when a typo was corrected, and a helpful "no results" page.
 * Without `q`, the filters alone make the listing (the home page's "View all" links).
 */
import { EmptyState, Skeleton, useApi, useHydrated, type Category, type SearchResult } from '@storefront/kit';
import { useCallback, useEffect, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { activeFilterCount, appliedFilters, NO_SELECTION, readSelection, searchApiPath, searchPagePath, type BrowseSelection } from '../browse/browse-params';
import { BROWSE_PAGE_SIZE } from '../browse/page-size';
import { useListingControls } from '../browse/use-listing-controls';
import { usePagedProducts } from '../browse/use-paged-products';
import { FilterChips } from '../components/FilterChips';
import { FilterSheet } from '../components/FilterSheet';
import { ResultsView } from '../components/ResultsView';
import { SortFilterBar } from '../components/SortFilterBar';
import './search.css';

const POPULAR = ['mobiles', 'headphones', 't-shirt', 'saree', 'mixer grinder'];

/** A query that finds nothing still leaves the shopper somewhere to go. */
function NoResults({ query, filtered, onClear }: { query: string; filtered: boolean; onClear(): void }): React.ReactNode {
  const categories = useApi<Category[]>('catalog/categories');
  const list = categories.status === 'ready' ? categories.data : [];
  return (
    <EmptyState
      title={query ? `Sorry, no results found for “${query}”` : 'No products match these filters'}
      message={filtered ? 'Try removing a filter or two to see more products.' : 'Please check the spelling or try searching for something else.'}
      testId="no-results"
    >
      <div className="search-suggest">
        {filtered && (
          <button type="button" className="search-chip" onClick={onClear}>
            Clear filters
          </button>
        )}
        <p className="search-suggest-title">Popular searches</p>
        <ul className="search-chips">
          {POPULAR.map((text) => (
            <li key={text}>
              <Link to={`/search?q=${encodeURIComponent(text)}`} className="search-chip">
                {text}
              </Link>
            </li>
          ))}
        </ul>
        {list.length > 0 && <p className="search-suggest-title">Or browse a category</p>}
        <ul className="search-chips">
          {list.map((category) => (
            <li key={category.slug}>
              <Link to={`/${category.slug}/pr`} className="search-chip">
                {category.name}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </EmptyState>
  );
}

/** The heading: the query, the corrected query, or what the filters list. */
function SearchTitle({ query, result, selection }: { query: string; result: SearchResult | null; selection: BrowseSelection }): React.ReactNode {
  if (query && result?.correctedQuery) {
    return (
      <>
        Showing results for <q data-testid="corrected-query">{result.correctedQuery}</q>
      </>
    );
  }
  if (query) {
    return (
      <>
        Results for <q>{query}</q>
      </>
    );
  }
  const names = appliedFilters(selection, result?.facets ?? null).map((f) => f.label);
  return <>{names.length > 0 ? `All products: ${names.join(', ')}` : 'All products'}</>;
}

/** The query and filters live in the URL; every change navigates, so Back undoes it. */
export default function SearchPage(): React.ReactNode {
  const hydrated = useHydrated();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const query = hydrated ? (params.get('q') ?? '').trim().slice(0, 100) : '';
  // One object per URL, as on the browse page: the memoized bar, chips and sheet compare it by identity.
  const selection = useMemo(() => (hydrated ? readSelection(params) : NO_SELECTION), [hydrated, params]);
  const filtered = activeFilterCount(selection) > 0;
  const key = hydrated && (query || filtered) ? searchPagePath(query, selection) : null;
  const state = usePagedProducts<SearchResult>(key, (page) => searchApiPath(query, selection, page, BROWSE_PAGE_SIZE));

  useEffect(() => {
    if (query) document.title = `${query} · Search · Storefront`;
  }, [query]);

  const { sheetOpen, apply, sort, openSheet, closeSheet } = useListingControls(selection, useCallback((next: BrowseSelection) => void navigate(searchPagePath(query, next)), [navigate, query]));
  const countsPath = useCallback((draft: BrowseSelection) => searchApiPath(query, draft, 1, 1), [query]);
  const facets = state.first?.facets ?? null;

  if (hydrated && !key) {
    return <EmptyState title="What are you looking for?" message="Type in the search box above to find products, brands and more." testId="search-prompt" headingLevel={1} />;
  }
  return (
    <div className="search-page">
      <div className="search-head">
        <h1 className="search-title">{key ? <SearchTitle query={query} result={state.first} selection={selection} /> : <Skeleton width={160} height={20} />}</h1>
      </div>
      {query && state.first?.correctedQuery && (
        <p className="search-corrected" data-testid="search-corrected">
          No results for <q>{query}</q>; these are the closest matches.
        </p>
      )}
      <SortFilterBar sort={selection.sort} onSort={sort} onFilter={openSheet} filterCount={activeFilterCount(selection)} />
      <FilterChips selection={selection} facets={facets} onApply={apply} />
      <ResultsView
        state={state}
        label={query ? `Results for ${state.first?.correctedQuery ?? query}` : 'All products'}
        empty={<NoResults query={query} filtered={filtered} onClear={() => apply({ ...NO_SELECTION, sort: selection.sort })} />}
      />
      <FilterSheet
        open={sheetOpen}
        facets={facets}
        selection={selection}
        onApply={apply}
        onClose={closeSheet}
        countsPath={countsPath}
      />
    </div>
  );
}
