/** Selling price, MRP struck through and the discount, as every product listing shows them. */
import { formatRupees } from '../../../../../shared/price';
import './price.css';

export interface PriceProps {
  price: number;
  mrp: number;
  discountPercent: number;
  size?: 'md' | 'lg';
  /** Extra class on the outer element (a card sizes the line with it, without a wrapper of its own). */
  className?: string;
}

/** `₹22,749 ₹34,999 35% off`; MRP and discount only when there is a discount. */
export function Price({ price, mrp, discountPercent, size = 'md', className }: PriceProps): React.ReactNode {
  return (
    <p className={`price price-${size}${className ? ` ${className}` : ''}`}>
      <span className="price-now">{formatRupees(price)}</span>
      {discountPercent > 0 && (
        <>
          <s className="price-mrp">
            <span className="sr-only">MRP </span>
            {formatRupees(mrp)}
          </s>
          <span className="price-off">{discountPercent}% off</span>
        </>
      )}
    </p>
  );
}
