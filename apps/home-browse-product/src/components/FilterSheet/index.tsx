/** The facet filters in a modal bottom sheet (a side panel on wide screens), applied together. */
import { Button, useAfterPaint, useApi, useDebouncedValue, type FacetValue, type Facets } from '@storefront/kit';
import { memo, useEffect, useRef, useState } from 'react';
import { clearFilters, selectionToParams, toggleBrand, type BrowseSelection } from '../../browse/browse-params';
import { inertOutside, wrapFocus } from './inert-outside';
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

/** What Tab stops at inside the sheet. */
const FOCUSABLE = 'button, input, select, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A `<dialog>` opened without `showModal`, modal by hand: the rest of the page turns inert (so
 * focus and clicks stay in the sheet), focus moves in and goes back where it was, Escape and the
 * scrim close it, and `aria-modal` tells assistive technology. `showModal` would do the same but
 * restyles and lays out the whole page in the tap (decisions/0031). Choices are a draft until
 * Apply, so the grid doesn't reload on every tick.
 */
// Memoized: each slice of an appended page renders the page again; this depends on its props only.
export const FilterSheet = memo(function FilterSheet({ open, facets, selection, onApply, onClose, countsPath }: FilterSheetProps): React.ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  // What the opening took over, given back at closing: the page's inert marks and the focus.
  const opened = useRef<{ restoreInert(): void; focus: HTMLElement | null } | null>(null);
  // The draft is the applied selection until a tick changes it (null: no changes), and goes back to
  // null at closing: opening needs no render of its own to reset it.
  const [edited, setEdited] = useState<BrowseSelection | null>(null);
  const draft = edited ?? selection;
  const close = (): void => {
    setEdited(null);
    onClose();
  };
  // Counts of the draft, asked per pause in ticking; the applied selection's are known already.
  const changed = open && selectionToParams(draft).toString() !== selectionToParams(selection).toString();
  const draftPath = useDebouncedValue(changed ? countsPath(draft) : null, 250);
  const draftCounts = useApi<{ facets: Facets; total: number }>(changed ? draftPath : null);
  const shown = changed && draftCounts.status === 'ready' ? draftCounts.data.facets : facets;
  const draftTotal = changed && draftCounts.status === 'ready' ? draftCounts.data.total : null;
  // Once the listing has painted, the closed sheet is laid out (hidden, below the screen), so the tap
  // that opens it changes visibility and a transform only: no layout of the sheet in that frame.
  const laidOut = useAfterPaint(facets !== null);

  useEffect(() => {
    const element = dialog.current;
    if (!element || !layer.current) return;
    if (open && !element.open) {
      const focus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      // The listing (`data-listing`) is spared: restyling its grid as inert would cost the tap what
      // showModal did. The scrim covers it, the Tab trap below keeps focus out, aria-modal tells
      // assistive technology.
      opened.current = { restoreInert: inertOutside(layer.current, (node) => node instanceof HTMLElement && node.hasAttribute('data-listing')), focus };
      element.show();
      // Start at the top with focus on Close, not on the first checkbox (which scrolls the Brand
      // heading away). Focus lays the sheet out; scrolling right after it finds the layout clean.
      element.querySelector<HTMLElement>('.fs-close')?.focus();
      element.querySelector('.fs-body')?.scrollTo(0, 0);
    } else if (!open && element.open) {
      element.close();
      opened.current?.restoreInert();
      // Back to what opened it (the Filter button), without scrolling the page to it.
      opened.current?.focus?.focus({ preventScroll: true });
      opened.current = null;
    }
  }, [open]);

  // Closed while open (leaving the page): the page behind must not stay inert.
  useEffect(() => () => opened.current?.restoreInert(), []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.matches(':disabled'));
      const next = wrapFocus(focusable, document.activeElement instanceof HTMLElement ? document.activeElement : null, event.shiftKey);
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  };

  const single = (facet: SingleFacet, title: string, values: FacetValue[]): React.ReactNode => (
    <fieldset className="fs-group">
      <legend className="fs-legend">{title}</legend>
      {[{ value: '', label: 'Any', count: -1, selected: false }, ...values].map((option) => (
        <label key={option.value || 'any'} className="fs-option" data-facet={facet} data-value={option.value}>
          <input type="radio" name={facet} checked={(draft[facet] ?? '') === option.value} onChange={() => setEdited({ ...draft, [facet]: option.value || null })} />
          <span className="fs-label">{option.label}</span>
          {option.count >= 0 && <span className="fs-count">{option.count}</span>}
        </label>
      ))}
    </fieldset>
  );

  return (
    <div ref={layer} className={laidOut ? 'fs-layer fs-laid-out' : 'fs-layer'}>
      {open && <div className="fs-scrim" onClick={close} aria-hidden="true" />}
      <dialog ref={dialog} className="fs" aria-labelledby="fs-title" aria-modal="true" data-testid="filter-sheet" onKeyDown={onKeyDown}>
      <div className="fs-head">
        <h2 id="fs-title">Filters</h2>
        <button type="button" className="fs-close" onClick={close} aria-label="Close filters">
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
                  <input type="checkbox" checked={draft.brands.includes(option.value)} onChange={() => setEdited(toggleBrand(draft, option.value))} />
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
        <Button variant="outline" onClick={() => setEdited(clearFilters(draft))} data-testid="filter-clear">
          Clear all
        </Button>
        <Button variant="buy" onClick={() => {
            setEdited(null);
            onApply(draft);
          }} data-testid="filter-apply" aria-describedby="fs-total">
          Apply
        </Button>
        <p id="fs-total" className="fs-total" aria-live="polite" data-testid="filter-total">
          {draftTotal !== null ? `${draftTotal.toLocaleString('en-IN')} product${draftTotal === 1 ? '' : 's'} match` : ''}
        </p>
      </div>
      </dialog>
    </div>
  );
});
