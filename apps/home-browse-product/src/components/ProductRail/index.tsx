/** A titled, horizontally scrolling row of product cards that snaps card by card. */
import { ProductCard, ProductCardSkeleton, type ProductSummary } from '@storefront/kit';
import './product-rail.css';

export interface ProductRailProps {
  title: string;
  /** `null` while loading. */
  products: readonly ProductSummary[] | null;
  /** The blue "Deals of the Day" look. */
  highlight?: boolean;
  testId?: string;
}

/** A carousel without script: CSS scroll snapping does the swiping on touch screens. */
export function ProductRail({ title, products, highlight = false, testId }: ProductRailProps): React.ReactNode {
  const headingId = `rail-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`rail card${highlight ? ' rail-highlight' : ''}`} aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="rail-title">
        {title}
      </h2>
      <ul className="rail-list" aria-busy={products === null}>
        {products
          ? products.map((product, index) => (
              <li key={product.id}>
                <ProductCard product={product} eager={index < 3} />
              </li>
            ))
          : Array.from({ length: 4 }, (_, index) => (
              <li key={index}>
                <ProductCardSkeleton />
              </li>
            ))}
      </ul>
    </section>
  );
}
