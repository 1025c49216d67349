/** The facet filters in a modal bottom sheet (a side panel on wide screens), applied together. */
import { Button, useApi, useDebouncedValue, type FacetValue, type Facets } from '@storefront/kit';
import { useEffect, useRef, useState } from 'react';
import { clearFilters, selectionToParams, toggleBrand, type BrowseSelection } from '../../browse/browse-params';
import './filter-sheet.css';

export interface FilterSheetProps {
  open: boolean;
  facets: Facets | null;
  selection: BrowseSelection;
  onApply(selection: BrowseSelection): void;
  onClose(): void;
  /** The API path answering the facets and total of a draft selection (one tiny page), so counts follow each tick. */
  countsPath(draft: BrowseSelection): string;
}

type SingleFacet = 'price' | 'rating' | 'discount';

/**
 * A native modal `<dialog>`: it traps focus, closes on Escape and makes the page behind inert.
 * Choices are a draft until Apply, so the grid doesn't reload on every tick.
 */
export function FilterSheet({ open, facets, selection, onApply, onClose, countsPath }: FilterSheetProps): React.ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(selection);
  // Counts of the draft, asked per pause in ticking; the applied selection's are known already.
  const changed = open && selectionToParams(draft).toString() !== selectionToParams(selection).toString();
  const draftPath = useDebouncedValue(changed ? countsPath(draft) : null, 250);
  const draftCounts = useApi<{ facets: Facets; total: number }>(changed ? draftPath : null);
  const shown = changed && draftCounts.status === 'ready' ? draftCounts.data.facets : facets;
  const draftTotal = changed && draftCounts.status === 'ready' ? draftCounts.data.total : null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setDraft(selection);
      element.showModal();
      // showModal focuses the first checkbox, scrolling the Brand heading away; start at the top.
      // (focus lays the sheet out; scrolling right after it finds the layout clean.)
      element.querySelector<HTMLElement>('.fs-close')?.focus();
      element.querySelector('.fs-body')?.scrollTo(0, 0);
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, selection]);

  const single = (facet: SingleFacet, title: string, values: FacetValue[]): React.ReactNode => (
    <fieldset className="fs-group">
      <legend className="fs-legend">{title}</legend>
      {[{ value: '', label: 'Any', count: -1, selected: false }, ...values].map((option) => (
        <label key={option.value || 'any'} className="fs-option" data-facet={facet} data-value={option.value}>
          <input type="radio" name={facet} checked={(draft[facet] ?? '') === option.value} onChange={() => setDraft({ ...draft, [facet]: option.value || null })} />
          <span className="fs-label">{option.label}</span>
          {option.count >= 0 && <span className="fs-count">{option.count}</span>}
        </label>
      ))}
    </fieldset>
  );

  return (
    <dialog ref={dialog} className="fs" aria-labelledby="fs-title" data-testid="filter-sheet" onClose={onClose} onCancel={onClose}>
      <div className="fs-head">
        <h2 id="fs-title">Filters</h2>
        <button type="button" className="fs-close" onClick={onClose} aria-label="Close filters">
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path fill="currentColor" d="M19 6.4L17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z" />
          </svg>
        </button>
      </div>
      <div className="fs-body">
        {shown ? (
          <>
            <fieldset className="fs-group">
              <legend className="fs-legend">Brand</legend>
              {shown.brand.map((option) => (
                <label key={option.value} className="fs-option" data-facet="brand" data-value={option.value}>
                  <input type="checkbox" checked={draft.brands.includes(option.value)} onChange={() => setDraft(toggleBrand(draft, option.value))} />
                  <span className="fs-label">{option.label}</span>
                  <span className="fs-count">{option.count}</span>
                </label>
              ))}
            </fieldset>
            {single('price', 'Price', shown.price)}
            {single('rating', 'Customer ratings', shown.rating)}
            {single('discount', 'Discount', shown.discount)}
          </>
        ) : (
          <p className="fs-wait">Loading filters…</p>
        )}
      </div>
      <div className="fs-foot">
        <Button variant="outline" onClick={() => setDraft(clearFilters(draft))} data-testid="filter-clear">
          Clear all
        </Button>
        <Button variant="buy" onClick={() => onApply(draft)} data-testid="filter-apply" aria-describedby="fs-total">
          Apply
        </Button>
        <p id="fs-total" className="fs-total" aria-live="polite" data-testid="filter-total">
          {draftTotal !== null ? `${draftTotal.toLocaleString('en-IN')} product${draftTotal === 1 ? '' : 's'} match` : ''}
        </p>
      </div>
    </dialog>
  );
}
