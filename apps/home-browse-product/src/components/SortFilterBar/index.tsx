/** The bar above a listing: sort (a native select, accessible everywhere) and the Filter button. */
import { memo } from 'react';
import type { SortKey } from '@storefront/kit';
import { SORT_OPTIONS } from '../../browse/browse-params';
import './sort-filter-bar.css';

export interface SortFilterBarProps {
  sort: SortKey;
  onSort(sort: SortKey): void;
  /** Omit for listings without facets (search). */
  onFilter?: () => void;
  filterCount?: number;
}

/** Sticky on phones so sorting and filtering are always a thumb away. */
// Memoized: each slice of an appended page renders the page again; this depends on its props only.
export const SortFilterBar = memo(function SortFilterBar({ sort, onSort, onFilter, filterCount = 0 }: SortFilterBarProps): React.ReactNode {
  return (
    <div className="sfbar">
      <label className="sfbar-item sfbar-sort">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path fill="currentColor" d="M3 18h6v-2H3zm0-12v2h18V6zm0 7h12v-2H3z" />
        </svg>
        <span className="sr-only">Sort by</span>
        <select value={sort} onChange={(event) => onSort(event.target.value as SortKey)} data-testid="sort-select">
          {SORT_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {onFilter && (
        <button type="button" className="sfbar-item sfbar-filter" onClick={onFilter} data-testid="filter-button" aria-haspopup="dialog">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path fill="currentColor" d="M3 5h18l-7 8v6l-4 2v-8z" />
          </svg>
          Filter
          {filterCount > 0 && (
            <span className="sfbar-badge">
              {filterCount}
              <span className="sr-only"> on</span>
            </span>
          )}
        </button>
      )}
    </div>
  );
});
