/** The heart on product cards and the product page: adds to (or removes from) the wishlist. */
import { useState } from 'react';
import { toggleWishlist, useWishlisted } from '../../wishlist/wishlist-store';
import './wishlist-heart.css';

export interface WishlistHeartProps {
  productId: string;
  /** The product's name, for the button's label ("Add Redmi 13 to your wishlist"). */
  title: string;
  className?: string;
}

/** A toggle button; its own element, never inside a card's link (a button in a link is not valid HTML). */
export function WishlistHeart({ productId, title, className }: WishlistHeartProps): React.ReactNode {
  const wished = useWishlisted(productId);
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={`wl-heart${wished ? ' wl-heart-on' : ''}${className ? ` ${className}` : ''}`}
      aria-pressed={wished}
      aria-label={wished ? `Remove ${title} from your wishlist` : `Add ${title} to your wishlist`}
      data-testid="wishlist-heart"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        toggleWishlist(productId)
          .catch(() => undefined)
          .finally(() => setBusy(false));
      }}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path d="M12 21s-7.5-4.6-9.6-9.3C1 8.4 3 5 6.4 5c2 0 3.6 1.1 4.6 2.6h2C14 6.1 15.6 5 17.6 5 21 5 23 8.4 21.6 11.7 19.5 16.4 12 21 12 21z" />
      </svg>
    </button>
  );
}
