/** The sort bar's, chips' and filter sheet's state and handlers, shared by the browse and search pages. */
import { startTransition, useCallback, useState } from 'react';
import type { BrowseSelection } from './browse-params';

/** What the bar, the chips and the sheet of a listing are given. */
export interface ListingControls {
  sheetOpen: boolean;
  /** Closes the sheet and goes to `next`. */
  apply(next: BrowseSelection): void;
  sort(next: BrowseSelection['sort']): void;
  openSheet(): void;
  closeSheet(): void;
}

/**
 * Every handler keeps its identity while `selection` and `go` do: each slice of an appended page
 * renders the page again, and the memoized bar, chips and sheet then skip their render
 * (decisions/0038). `go` navigates to a selection; pass a stable one (`useCallback`).
 */
export function useListingControls(selection: BrowseSelection, go: (next: BrowseSelection) => void): ListingControls {
  const [sheetOpen, setSheetOpen] = useState(false);
  const apply = useCallback((next: BrowseSelection): void => {
    setSheetOpen(false);
    // The tap paints the sheet closing; the new listing (the router's render of the new URL) follows
    // in a transition, which yields to the paint instead of holding it (decisions/0031).
    startTransition(() => go(next));
  }, [go]);
  const sort = useCallback((next: BrowseSelection['sort']) => apply({ ...selection, sort: next }), [apply, selection]);
  const openSheet = useCallback(() => setSheetOpen(true), []);
  const closeSheet = useCallback(() => setSheetOpen(false), []);
  return { sheetOpen, apply, sort, openSheet, closeSheet };
}
