/** Loads a product listing page by page and appends each page (infinite scroll). */
import { apiRequest, ApiError, preloadFirstImages, type ProductSummary } from '@storefront/kit';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { slices } from './slices';

interface Paged {
  products: ProductSummary[];
  total: number;
}

export interface PagedState<T extends Paged> {
  status: 'loading' | 'ready' | 'error';
  /** The first page's answer (facets, category, query). */
  first: T | null;
  products: ProductSummary[];
  total: number;
  error: ApiError | null;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * Cards appended per painted frame: one. A slice's transition render runs in 5 ms chunks, but a
 * frame that is due waits behind them (long-animation-frame entries of the scroll: the scheduler's
 * tasks before the rendering update), so a slice is kept to one card's render (0038); the page is
 * asked for further ahead (`useInfiniteScroll`) so its slices are in before they are scrolled to.
 */
const APPEND_SLICE = 1;

/** Runs `callback` once the next frame has painted (the frame callback runs before it paints). */
function afterPaint(callback: () => void): void {
  requestAnimationFrame(() => setTimeout(callback));
}

/**
 * `pathOf(page)` builds the API path of a page; `key` names the listing (the filters), and a new
 * key starts over at page 1. `null` waits (the shell, before the URL may be read).
 */
export function usePagedProducts<T extends Paged>(key: string | null, pathOf: (page: number) => string): PagedState<T> {
  const [first, setFirst] = useState<T | null>(null);
  const [products, setProducts] = useState<ProductSummary[]>([]);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const pathOfRef = useRef(pathOf);
  pathOfRef.current = pathOf;

  const fetchPage = useCallback((pageNumber: number, onData: (data: T) => void) => {
    controller.current?.abort();
    const current = (controller.current = new AbortController());
    apiRequest<T>(pathOfRef.current(pageNumber), { signal: current.signal }).then(
      (data) => {
        if (current.signal.aborted) return;
        // The first page's first pictures start loading now, not once the cards are rendered.
        if (pageNumber === 1) preloadFirstImages(data);
        // A transition: a grid of results renders in slices that yield to input.
        startTransition(() => onData(data));
      },
      (reason: unknown) => {
        if ((reason as Error).name === 'AbortError') return;
        setLoadingMore(false);
        setError(reason instanceof ApiError ? reason : new ApiError(0, 'offline', String(reason)));
      },
    );
  }, []);

  useEffect(() => {
    if (key === null) return;
    // A transition too: swapping a grid of cards for skeletons is a render of its own that yields to
    // input, not one long task right after the tap that applied a filter.
    startTransition(() => {
      setFirst(null);
      setProducts([]);
      setPage(1);
      setError(null);
      setLoadingMore(false);
    });
    fetchPage(1, (data) => {
      setFirst(data);
      setProducts(data.products);
    });
    return () => controller.current?.abort();
  }, [key, attempt, fetchPage]);

  const total = first?.total ?? 0;
  const hasMore = first !== null && products.length < total;

  const loadMore = useCallback(() => {
    if (!hasMore || loadingMore || error) return;
    const next = page + 1;
    setLoadingMore(true);
    fetchPage(next, (data) => {
      setPage(next);
      // A product can move between pages while scrolling (stock, new arrivals): never show it twice.
      const append = (part: ProductSummary[]): void =>
        setProducts((shown) => {
          const seen = new Set(shown.map((p) => p.id));
          return [...shown, ...part.filter((p) => !seen.has(p.id))];
        });
      // One card per painted frame: a page's cards rendered and laid out at once
      // (even half of them) made the longest frames of a scroll (decisions/0026, 0031, 0038). Still
      // loading until the last slice is in, so no page is asked for meanwhile.
      const parts = slices(data.products, APPEND_SLICE);
      append(parts[0] ?? []);
      // An empty page means the total shrank; stop asking.
      if (data.products.length === 0) setFirst((f) => (f ? { ...f, total: 0 } : f));
      const owner = controller.current;
      const appendRest = (index: number): void =>
        afterPaint(() => {
          // A new listing (or a reload) started meanwhile: this page is not its to append to.
          if (controller.current !== owner) return;
          const last = index >= parts.length - 1;
          startTransition(() => {
            if (index < parts.length) append(parts[index]!);
            if (last) setLoadingMore(false);
          });
          if (!last) appendRest(index + 1);
        });
      appendRest(1);
    });
  }, [hasMore, loadingMore, error, page, fetchPage]);

  const reload = useCallback(() => {
    if (first && error) {
      // A failed "more" page: retry just that page.
      setError(null);
      return;
    }
    setAttempt((n) => n + 1);
  }, [first, error]);

  const status = error && !first ? 'error' : first ? 'ready' : 'loading';
  return { status, first, products, total, error, loadingMore, hasMore: hasMore && !(first?.total === 0), loadMore, reload };
}
