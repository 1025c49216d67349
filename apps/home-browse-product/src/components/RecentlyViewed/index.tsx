/** "Recently viewed": the products this browser looked at, read from storage after mount. */
import { useApi, useRecentlyViewed, type ProductSummary } from '@storefront/kit';
import { ProductRail } from '../ProductRail';

/**
 * Renders nothing until it knows there is something to show; it sits last on the page, so
 * appearing late shifts nothing above it.
 */
export function RecentlyViewed({ exclude }: { exclude?: string }): React.ReactNode {
  const ids = useRecentlyViewed()?.filter((id) => id !== exclude).slice(0, 12) ?? [];
  const path = ids.length > 0 ? `catalog/products?ids=${ids.join(',')}` : null;
  const state = useApi<ProductSummary[]>(path);
  if (!path || state.status === 'error') return null;
  // Keep the shopper's order (most recent first) whatever order the API answers in.
  const products = state.status === 'ready' ? ids.flatMap((id) => state.data.filter((p) => p.id === id)) : null;
  if (products && products.length === 0) return null;
  return <ProductRail title="Recently viewed" products={products} testId="recently-viewed" />;
}
