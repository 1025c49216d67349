/** Search results for `?q=`, with the same cards as browsing and a helpful "no results" page. */
import { EmptyState, Skeleton, useApi, useHydrated, type Category, type SearchResult, type SortKey } from '@storefront/kit';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { readSelection } from '../browse/browse-params';
import { BROWSE_PAGE_SIZE } from '../browse/page-size';
import { usePagedProducts } from '../browse/use-paged-products';
import { ResultsView } from '../components/ResultsView';
import { SortFilterBar } from '../components/SortFilterBar';
import './search.css';

const POPULAR = ['mobiles', 'headphones', 't-shirt', 'saree', 'mixer grinder'];

/** A query that finds nothing still leaves the shopper somewhere to go. */
function NoResults({ query }: { query: string }): React.ReactNode {
  const categories = useApi<Category[]>('catalog/categories');
  const list = categories.status === 'ready' ? categories.data : [];
  return (
    <EmptyState title={`Sorry, no results found for “${query}”`} message="Please check the spelling or try searching for something else." testId="no-results">
      <div className="search-suggest">
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

/** The query lives in the URL; sorting navigates too, so Back returns to the previous order. */
export default function SearchPage(): React.ReactNode {
  const hydrated = useHydrated();
  const [params, setParams] = useSearchParams();
  const query = hydrated ? (params.get('q') ?? '').trim().slice(0, 100) : '';
  const sort: SortKey = hydrated ? readSelection(params).sort : 'relevance';
  const key = hydrated && query ? `${query}|${sort}` : null;
  const state = usePagedProducts<SearchResult>(key, (page) => `catalog/search?${new URLSearchParams({ q: query, sort, page: String(page), pageSize: String(BROWSE_PAGE_SIZE) })}`);

  useEffect(() => {
    if (query) document.title = `${query} · Search · Storefront`;
  }, [query]);

  const onSort = (next: SortKey): void => {
    const nextParams = new URLSearchParams({ q: query });
    if (next !== 'relevance') nextParams.set('sort', next);
    setParams(nextParams);
  };

  if (hydrated && !query) {
    return <EmptyState title="What are you looking for?" message="Type in the search box above to find products, brands and more." testId="search-prompt" headingLevel={1} />;
  }
  return (
    <div className="search-page">
      <div className="search-head">
        <h1 className="search-title">
          {query ? (
            <>
              Results for <q>{query}</q>
            </>
          ) : (
            <Skeleton width={160} height={20} />
          )}
        </h1>
      </div>
      <SortFilterBar sort={sort} onSort={onSort} />
      <ResultsView state={state} label={`Results for ${query}`} empty={<NoResults query={query} />} />
    </div>
  );
}
