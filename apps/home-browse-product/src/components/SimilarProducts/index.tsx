/** "Similar products": other models of the category near the product's price, as a rail. */
import { useApi, type ProductSummary } from '@storefront/kit';
import { ProductRail } from '../ProductRail';

/** Shows its loading rail at once (it sits below the details, so nothing above it moves); nothing when there is none. */
export function SimilarProducts({ productId }: { productId: string }): React.ReactNode {
  const state = useApi<ProductSummary[]>(`catalog/products/${productId}/similar`);
  if (state.status === 'error' || (state.status === 'ready' && state.data.length === 0)) return null;
  return <ProductRail title="Similar products" products={state.status === 'ready' ? state.data : null} testId="similar-products" />;
}
