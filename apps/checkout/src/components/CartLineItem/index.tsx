/** One cart line: image, title, variant, price, quantity stepper and remove. */
import { discountPercent, Price, ProductPicture, variantLabel, type CartLine } from '@storefront/kit';
import { MAX_QUANTITY } from '../../cart/cart-lines';
import { QuantityStepper } from '../QuantityStepper';
import './cart-line-item.css';

export interface CartLineItemProps {
  line: CartLine;
  /** A change of this line is queued: being sent (`saving`) or kept until the shopper is back online (`waiting`). */
  pending: 'saving' | 'waiting' | null;
  /** The server's message about the last change of this line (e.g. not enough stock). */
  message: string | null;
  onQuantity(quantity: number): void;
  onRemove(): void;
}

/** Product links are full navigations: product pages belong to the main app. */
export function CartLineItem({ line, pending, message, onQuantity, onRemove }: CartLineItemProps): React.ReactNode {
  const href = `/${line.product.slug}/p/${line.product.id}`;
  const variant = variantLabel(line.variant);
  return (
    <li className="cl" data-testid="cart-line" data-line-id={line.id}>
      <div className="cl-top">
        <a href={href} className="cl-image" tabIndex={-1} aria-hidden="true">
          <ProductPicture image={line.product.image} use="thumb" width={96} height={96} alt="" />
        </a>
        <div className="cl-info">
          <a href={href} className="cl-title">
            {line.product.title}
          </a>
          {variant && <p className="cl-variant">{variant}</p>}
          <p className="cl-brand">Seller: {line.product.brand} Retail</p>
          <Price price={line.lineTotal} mrp={line.unitMrp * line.quantity} discountPercent={discountPercent(line.unitMrp, line.unitPrice)} />
          {!line.product.inStock && <p className="cl-warn">Currently out of stock</p>}
          {pending && (
            <p className={`cl-pending cl-pending-${pending}`} data-testid="line-pending">
              {pending === 'saving' ? 'Saving…' : 'Saved on this phone, will update when you’re back online'}
            </p>
          )}
        </div>
      </div>
      <div className="cl-actions">
        <QuantityStepper quantity={line.quantity} min={1} max={MAX_QUANTITY} label={line.product.title} onChange={onQuantity} />
        <button type="button" className="cl-remove" onClick={onRemove} data-testid="remove-line">
          Remove
        </button>
      </div>
      {message && (
        <p className="cl-message" role="alert" data-testid="line-message">
          {message}
        </p>
      )}
    </li>
  );
}
