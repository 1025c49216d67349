/** Product cards in a grid: two columns on phones, more on wider screens. */
import { memo } from 'react';
import type { ProductSummary } from '../../../../../shared/api-types';
import { ProductCard, ProductCardSkeleton } from '../ProductCard';
import './product-grid.css';

export interface ProductGridProps {
  products: readonly ProductSummary[];
  /** Placeholder cards appended after the products (while a page is loading). */
  placeholders?: number;
  label?: string;
  /** The first placeholder is the page's largest picture (the server may fill it: `LeadPictureSlot`). */
  leadPlaceholder?: boolean;
}

/** A list of cards; the first row's images load eagerly since they are above the fold. */
// Memoized: its page re-renders for state of its own (a sheet opening, a chip) with the same products.
export const ProductGrid = memo(function ProductGrid({ products, placeholders = 0, label, leadPlaceholder = false }: ProductGridProps): React.ReactNode {
  return (
    <ul className="grid" data-testid="product-grid" aria-label={label} aria-busy={placeholders > 0}>
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard product={product} eager={index < 4} priority={index === 0} />
        </li>
      ))}
      {Array.from({ length: placeholders }, (_, index) => (
        <li key={`placeholder-${index}`}>
          <ProductCardSkeleton lead={leadPlaceholder && products.length === 0 && index === 0} />
        </li>
      ))}
    </ul>
  );
});
