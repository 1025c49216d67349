/** A titled, horizontally scrolling row of product cards that snaps card by card. */
import { ProductCard, ProductCardSkeleton, type ProductSummary } from '@storefront/kit';
import { Link } from 'react-router';
import './product-rail.css';

export interface ProductRailProps {
  title: string;
  /** `null` while loading. */
  products: readonly ProductSummary[] | null;
  /** The blue "Deals of the Day" look. */
  highlight?: boolean;
  testId?: string;
  /** Where "View all" leads: the whole listing the rail samples. */
  viewAll?: string;
  /** Its first card is the page's largest picture, which the server may show before the scripts run. */
  lead?: boolean;
}

/** A carousel without script: CSS scroll snapping does the swiping on touch screens. */
export function ProductRail({ title, products, highlight = false, testId, viewAll, lead = false }: ProductRailProps): React.ReactNode {
  const headingId = `rail-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`rail card${highlight ? ' rail-highlight' : ''}`} aria-labelledby={headingId} data-testid={testId}>
      <div className="rail-head">
        <h2 id={headingId} className="rail-title">
          {title}
        </h2>
        {viewAll && (
          <Link to={viewAll} className="rail-all" data-testid="view-all">
            View all<span className="sr-only"> {title}</span>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
              <path fill="currentColor" d="M8.6 16.6L13.2 12 8.6 7.4 10 6l6 6-6 6z" />
            </svg>
          </Link>
        )}
      </div>
      <ul className="rail-list" aria-busy={products === null}>
        {products
          ? products.map((product, index) => (
              <li key={product.id}>
                <ProductCard product={product} eager={index < 3} priority={highlight && index === 0} />
              </li>
            ))
          : Array.from({ length: 4 }, (_, index) => (
              <li key={index}>
                <ProductCardSkeleton lead={lead && index === 0} />
              </li>
            ))}
      </ul>
    </section>
  );
}
