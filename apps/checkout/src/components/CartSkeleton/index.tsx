/** The cart's loading layout: two line placeholders and the price card, at their final sizes. */
import { Skeleton } from '@storefront/kit';

/** Uses the line and card classes themselves, so boxes match the loaded cart. */
export function CartSkeleton(): React.ReactNode {
  return (
    <div className="cart-layout" aria-busy="true">
      <ul className="cart-lines card">
        {[0, 1].map((n) => (
          <li key={n} className="cl" aria-hidden="true">
            <div className="cl-top">
              <Skeleton width={96} height={96} />
              <div className="cl-info" style={{ flex: 1 }}>
                <Skeleton height={16} />
                <Skeleton width="50%" height={13} />
                <Skeleton width="40%" height={13} />
                <Skeleton width="60%" height={20} />
              </div>
            </div>
            <div className="cl-actions">
              <Skeleton width={140} height={44} />
            </div>
          </li>
        ))}
      </ul>
      <div className="prd card" aria-hidden="true">
        <Skeleton width="40%" height={18} className="cart-sk-gap" />
        <Skeleton height={140} className="cart-sk-gap" />
      </div>
    </div>
  );
}
