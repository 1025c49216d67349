/** The applied filters as removable chips under the sort and filter bar, with "Clear all". */
import { memo } from 'react';
import type { Facets } from '@storefront/kit';
import { appliedFilters, clearFilters, type BrowseSelection } from '../../browse/browse-params';
import './filter-chips.css';

export interface FilterChipsProps {
  selection: BrowseSelection;
  facets: Facets | null;
  onApply(selection: BrowseSelection): void;
}

/** Nothing when no filter is on; each chip's button removes its filter (one navigation, so Back restores it). */
// Memoized: each slice of an appended page renders the page again; this depends on its props only.
export const FilterChips = memo(function FilterChips({ selection, facets, onApply }: FilterChipsProps): React.ReactNode {
  const chips = appliedFilters(selection, facets);
  if (chips.length === 0) return null;
  return (
    <div className="fchips" data-testid="filter-chips">
      <ul className="fchips-list" aria-label="Applied filters">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button type="button" className="fchip" onClick={() => onApply(chip.without)} data-testid="filter-chip" aria-label={`Remove filter: ${chip.label}`}>
              <span>{chip.label}</span>
              <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                <path fill="currentColor" d="M19 6.4L17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button type="button" className="fchips-clear" onClick={() => onApply(clearFilters(selection))}>
          Clear all
        </button>
      )}
    </div>
  );
});
