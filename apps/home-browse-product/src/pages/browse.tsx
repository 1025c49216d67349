/** Browse a category: sort, facet filters in the URL, and an infinitely scrolling grid. */
import { buttonClassName, EmptyState, noteCategoryView, Skeleton, useHydrated, type BrowseResult } from '@storefront/kit';
import { useCallback, useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { activeFilterCount, browseApiPath, clearFilters, NO_SELECTION, readSelection, selectionToParams, type BrowseSelection } from '../browse/browse-params';
import { BROWSE_PAGE_SIZE } from '../browse/page-size';
import { useListingControls } from '../browse/use-listing-controls';
import { usePagedProducts } from '../browse/use-paged-products';
import { FilterChips } from '../components/FilterChips';
import { FilterSheet } from '../components/FilterSheet';
import { ResultsView } from '../components/ResultsView';
import { SortFilterBar } from '../components/SortFilterBar';
import './browse.css';


/** The URL is the state: filters and sort are read from it and every change navigates. */
export default function BrowsePage(): React.ReactNode {
  const hydrated = useHydrated();
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // The shell knew neither the category nor the query: both wait for hydration.
  // One object per URL, not per render: the sheet's draft and the chips compare it by identity.
  const selection = useMemo(() => (hydrated ? readSelection(params) : NO_SELECTION), [hydrated, params]);
  const key = hydrated ? `${slug}?${selectionToParams(selection)}` : null;
  const state = usePagedProducts<BrowseResult>(key, (page) => browseApiPath(slug, selection, page, BROWSE_PAGE_SIZE));
  const category = state.first?.category ?? null;

  useEffect(() => {
    if (!category) return;
    document.title = `${category.name}: buy online at the best prices · Storefront`;
    // Campaign segments ("viewed mobiles") follow the categories a device browses.
    noteCategoryView(category.slug);
  }, [category]);

  const { sheetOpen, apply, sort, openSheet, closeSheet } = useListingControls(selection, useCallback((next: BrowseSelection) => setParams(selectionToParams(next)), [setParams]));
  const countsPath = useCallback((draft: BrowseSelection) => browseApiPath(slug, draft, 1, 1), [slug]);
  const facets = state.first?.facets ?? null;

  return (
    <div className="browse">
      <div className="browse-head">
        <h1 className="browse-title">{category ? category.name : <Skeleton width={120} height={20} />}</h1>
      </div>
      <SortFilterBar sort={selection.sort} onSort={sort} onFilter={openSheet} filterCount={activeFilterCount(selection)} />
      <FilterChips selection={selection} facets={facets} onApply={apply} />
      <ResultsView
        state={state}
        lead
        label={category ? `${category.name} products` : 'Products'}
        empty={
          <EmptyState
            title="No products match these filters"
            message="Try removing a filter or two to see more products."
            testId="no-results"
          >
            <button type="button" className={buttonClassName('primary')} onClick={() => apply(clearFilters(selection))}>
              Clear filters
            </button>
            <Link to="/" className={buttonClassName('outline')}>
              Back to home
            </Link>
          </EmptyState>
        }
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
