/** The bar fixed to the bottom of a checkout step: what the order costs, and the step's one action. */
import { formatRupees } from '@storefront/kit';
import './checkout-bar.css';

export interface CheckoutBarProps {
  total: number | null;
  /** MRP plus delivery, struck through beside the total when there is a discount. */
  before?: number | null;
  children: React.ReactNode;
}

/** The same bar on the cart and every step, so the total and the button never move. */
export function CheckoutBar({ total, before = null, children }: CheckoutBarProps): React.ReactNode {
  return (
    <div className="co-bar" role="region" aria-label="Order total">
      <p className="co-bar-total">
        {before !== null && total !== null && before > total && <s className="co-bar-mrp">{formatRupees(before)}</s>}
        <strong data-testid="bar-total">{total === null ? '' : formatRupees(total)}</strong>
        <a href="#price-details" className="co-bar-details">
          View price details
        </a>
      </p>
      {children}
    </div>
  );
}
