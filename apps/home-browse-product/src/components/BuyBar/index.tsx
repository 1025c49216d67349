/** The sticky ADD TO CART / BUY NOW bar at the bottom of a product page. */
import { Button, formatRupees } from '@storefront/kit';
import { memo, useState } from 'react';
import './buy-bar.css';

export interface BuyBarProps {
  /** Why buying is impossible right now (loading, out of stock), or null when it is possible. */
  blockedBy: string | null;
  /** Adds the product; the bar is busy (both buttons disabled) until the promise settles. */
  onAdd(): Promise<unknown>;
  /** Adds and goes on to the cart; busy the same way. */
  onBuy(): Promise<unknown>;
  /** The listing's price and MRP (paise), kept in sight while the shopper scrolls; null while loading. */
  price?: { price: number; mrp: number } | null;
}

/** Rendered in the shell too (disabled), so the page never changes height when data arrives. */
// The busy state is the bar's own and the bar is memoized: a tap on Add to cart renders these two
// buttons in its frame, not the whole product view around them (decisions/0035).
export const BuyBar = memo(function BuyBar({ blockedBy, onAdd, onBuy, price = null }: BuyBarProps): React.ReactNode {
  const [busy, setBusy] = useState(false);
  const disabled = blockedBy !== null || busy;
  const run = (action: () => Promise<unknown>): void => {
    setBusy(true);
    // The caller reports its own failures (a toast); the bar only needs to know it is over.
    void action().catch(() => undefined).finally(() => setBusy(false));
  };
  return (
    <div className="buybar" role="region" aria-label="Buy this product">
      <p className="buybar-price" data-testid="buybar-price">
        {price && (
          <>
            {price.mrp > price.price && (
              <s className="buybar-mrp">
                <span className="sr-only">MRP </span>
                {formatRupees(price.mrp)}
              </s>
            )}
            <strong>{formatRupees(price.price)}</strong>
          </>
        )}
      </p>
      {blockedBy === 'Out of stock' ? (
        <p className="buybar-oos" data-testid="out-of-stock">
          This item is out of stock
        </p>
      ) : (
        <>
          <Button variant="cart" onClick={() => run(onAdd)} disabled={disabled} data-testid="add-to-cart">
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path fill="currentColor" d="M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM5.2 4l-.9-2H1v2h2l3.6 7.6-1.4 2.4A2 2 0 0 0 7 17h12v-2H7.4l1.1-2h7.5a2 2 0 0 0 1.7-1l3.6-6.5A1 1 0 0 0 20.4 4z" />
            </svg>
            Add to cart
          </Button>
          <Button variant="buy" onClick={() => run(onBuy)} disabled={disabled} data-testid="buy-now">
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path fill="currentColor" d="M7 2v11h3v9l7-12h-4l4-8z" />
            </svg>
            Buy now
          </Button>
        </>
      )}
    </div>
  );
});
