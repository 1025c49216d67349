/** A listing's results: count, grid, infinite scroll and the loading, empty and error states. */
import { Button, ErrorState, ProductGrid, Skeleton, type ProductSummary } from '@storefront/kit';
import type { PagedState } from '../../browse/use-paged-products';
import { useInfiniteScroll } from '../../browse/use-infinite-scroll';
import './results-view.css';

export interface ResultsViewProps {
  state: PagedState<{ products: ProductSummary[]; total: number }>;
  /** What to show when nothing matches. */
  empty: React.ReactNode;
  label: string;
  /** Its first card is the page's largest picture, which the server may show before the scripts run. */
  lead?: boolean;
}

const FIRST_PAGE_PLACEHOLDERS = 8;

/** The count line keeps its height while loading, so the grid below never jumps. */
export function ResultsView({ state, empty, label, lead = false }: ResultsViewProps): React.ReactNode {
  // Not observed while a page comes in: its slices change the count several times, and each new
  // observer would compute an intersection in a scrolling frame for a page that is not asked for.
  const sentinel = useInfiniteScroll<HTMLDivElement>(state.loadMore, state.hasMore && !state.error && !state.loadingMore, `${state.products.length}:${state.error ? 1 : 0}`);
  if (state.status === 'error' && state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.status === 'ready' && state.total === 0 && state.products.length === 0) return <>{empty}</>;
  const loading = state.status === 'loading';
  return (
    // data-listing: a filter sheet leaves this subtree out of its inert marks (FilterSheet/inert-outside.ts).
    <section className="results" aria-label={label} data-listing="">
      <p className="results-count" data-testid="result-count" aria-live="polite">
        {loading ? <Skeleton width={140} height={14} /> : `Showing ${state.products.length} of ${state.total.toLocaleString('en-IN')} products`}
      </p>
      <ProductGrid products={state.products} placeholders={loading ? FIRST_PAGE_PLACEHOLDERS : state.loadingMore ? 2 : 0} label={label} leadPlaceholder={lead} />
      {state.hasMore && <div ref={sentinel} className="results-sentinel" aria-hidden="true" />}
      {state.error && state.status === 'ready' && (
        <div className="results-more-error" role="alert">
          <p>{state.error.offline ? 'You are offline; more products will load when you reconnect.' : 'Could not load more products.'}</p>
          <Button variant="outline" onClick={state.reload}>
            Try again
          </Button>
        </div>
      )}
      {state.status === 'ready' && !state.hasMore && state.products.length > 0 && <p className="results-end">You have seen all {state.total} products</p>}
    </section>
  );
}
