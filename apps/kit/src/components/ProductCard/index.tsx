/** A product in a grid or a rail: image, brand, title, rating and price, linking to its page. */
import { memo } from 'react';
import { Link } from 'react-router';
import type { ProductSummary } from '../../../../../shared/api-types';
import { Price } from '../Price';
import { LeadPictureSlot } from '../LeadPictureSlot';
import { ProductPicture } from '../ProductPicture';
import { RatingPill } from '../RatingPill';
import { Skeleton } from '../Skeleton';
import { WishlistHeart } from '../WishlistHeart';
import './product-card.css';

/** The product page URL of a product. */
export function productPath(product: Pick<ProductSummary, 'slug' | 'id'>): string {
  return `/${product.slug}/p/${product.id}`;
}

export interface ProductCardProps {
  product: ProductSummary;
  /** Eager-load the image of cards visible without scrolling. */
  eager?: boolean;
  /** The first card's picture is usually the page's largest paint: fetch it first. */
  priority?: boolean;
}

/** One product card; the whole card is the link, so its tap target is the card (the heart sits beside it). */
// Memoized: a grid re-renders when a page is appended, a sheet opens or a filter applies, and a card
// depends on its product only (a page appended keeps the shown products' objects), so only new cards render.
export const ProductCard = memo(function ProductCard({ product, eager = false, priority = false }: ProductCardProps): React.ReactNode {
  return (
    <div className="pc-box">
      <Link to={productPath(product)} className="pc" data-testid="product-card" data-product-id={product.id}>
        <span className="pc-image">
          <ProductPicture image={product.image} use="card" width={200} height={200} eager={eager} priority={priority} />
          {!product.inStock && <span className="pc-oos">Out of stock</span>}
        </span>
        <span className="pc-brand">
          {product.brand}
          {product.assured && <span className="pc-assured">Assured</span>}
        </span>
        <span className="pc-title">{product.title}</span>
        {/* No wrappers: each card's elements are styled and laid out as it scrolls near (decisions/0035). */}
        <RatingPill rating={product.rating} count={product.ratingCount} className="pc-rating" />
        <Price price={product.price} mrp={product.mrp} discountPercent={product.discountPercent} className="pc-price" />
      </Link>
      <WishlistHeart productId={product.id} title={product.title} className="pc-heart" />
    </div>
  );
});

/**
 * The loading placeholder of a card: the same boxes at the same heights. `lead`: this card is the
 * page's largest picture, which the server may show in it before the scripts run.
 */
export function ProductCardSkeleton({ lead = false }: { lead?: boolean }): React.ReactNode {
  return (
    <span className="pc pc-loading" aria-hidden="true">
      <span className="pc-image">
        <Skeleton height="100%" />
        {lead && <LeadPictureSlot />}
      </span>
      <span className="pc-brand">
        <Skeleton width="40%" height={12} />
      </span>
      <span className="pc-title">
        <Skeleton height={14} />
        <Skeleton width="70%" height={14} className="pc-sk-line" />
      </span>
      <span className="pc-rating">
        <Skeleton width={72} height={18} />
      </span>
      <span className="pc-price">
        <Skeleton width="60%" height={18} />
      </span>
    </span>
  );
}
