/** The cart: lines with quantity and remove, price details and the PLACE ORDER bar. */
import { ApiError, apiRequest, buttonClassName, EmptyState, ErrorState, formatRupees, publishCart, summarize, track, useApi, type Cart, type CartLine } from '@storefront/kit';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { withoutLine, withQuantity } from '../cart/cart-edit';
import { CartLineItem } from '../components/CartLineItem';
import { CartSkeleton } from '../components/CartSkeleton';
import { PriceDetails } from '../components/PriceDetails';
import './cart.css';

/**
 * Edits are optimistic: the page shows the change at once, then takes the server's answer as the
 * truth (its prices and stock win), or goes back to the last confirmed cart and says why.
 */
export default function CartPage(): React.ReactNode {
  const load = useApi<Cart>('cart');
  const [cart, setCart] = useState<Cart | null>(null);
  const confirmed = useRef<Cart | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [messages, setMessages] = useState<Record<string, string>>({});

  const accept = useCallback((answer: Cart) => {
    confirmed.current = answer;
    setCart(answer);
    publishCart(answer);
  }, []);

  // The loaded cart becomes the confirmed one; edits then move it on without another load.
  useEffect(() => {
    if (load.data) accept(load.data);
  }, [accept, load.data]);

  useEffect(() => {
    if (cart) document.title = `Cart (${cart.summary.itemCount}) · Storefront`;
  }, [cart]);

  const edit = (line: CartLine, optimistic: Cart, request: Promise<Cart>): void => {
    setCart(optimistic);
    setBusy((ids) => new Set(ids).add(line.id));
    setMessages(({ [line.id]: _old, ...rest }) => rest);
    request
      .then(accept, (error: unknown) => {
        if (confirmed.current) setCart(confirmed.current);
        const message = error instanceof ApiError ? error.message : 'Could not update your cart. Please try again.';
        setMessages((all) => ({ ...all, [line.id]: message }));
      })
      .finally(() =>
        setBusy((ids) => {
          const next = new Set(ids);
          next.delete(line.id);
          return next;
        }),
      );
  };

  const changeQuantity = (line: CartLine, quantity: number): void => {
    if (!cart) return;
    track('CHECKOUT_STEP', { step: 'quantity-change', productId: line.product.id, quantity });
    edit(line, withQuantity(cart, line.id, quantity, summarize), apiRequest<Cart>(`cart/items/${line.id}`, { method: 'PATCH', body: { quantity } }));
  };
  const remove = (line: CartLine): void => {
    if (!cart) return;
    track('CHECKOUT_STEP', { step: 'remove-from-cart', productId: line.product.id });
    edit(line, withoutLine(cart, line.id, summarize), apiRequest<Cart>(`cart/items/${line.id}`, { method: 'DELETE' }));
  };

  if (load.status === 'error') return <ErrorState error={load.error} onRetry={load.reload} />;
  if (load.status === 'loading' || !cart) {
    return (
      <>
        <h1 className="cart-heading">My cart</h1>
        <CartSkeleton />
      </>
    );
  }
  if (cart.lines.length === 0) {
    return (
      <EmptyState title="Your cart is empty!" message="Add items to it now." testId="empty-cart" headingLevel={1}>
        <a href="/" className={buttonClassName('buy')} data-testid="shop-now">
          Shop now
        </a>
      </EmptyState>
    );
  }
  return (
    <>
      <h1 className="cart-heading">
        My cart <span className="cart-count">({cart.summary.itemCount})</span>
      </h1>
      <div className="cart-layout">
        <ul className="cart-lines card" aria-label="Items in your cart">
          {cart.lines.map((line) => (
            <CartLineItem
              key={line.id}
              line={line}
              busy={busy.has(line.id)}
              message={messages[line.id] ?? null}
              onQuantity={(quantity) => changeQuantity(line, quantity)}
              onRemove={() => remove(line)}
            />
          ))}
        </ul>
        <div className="cart-side">
          <PriceDetails summary={cart.summary} />
          <p className="cart-safe">Safe and secure payments. Easy returns. 100% authentic products.</p>
        </div>
      </div>
      <div className="cart-bar" role="region" aria-label="Place order">
        <p className="cart-bar-total">
          {cart.summary.discount > 0 && <s className="cart-bar-mrp">{formatRupees(cart.summary.mrpTotal + cart.summary.deliveryFee)}</s>}
          <strong>{formatRupees(cart.summary.total)}</strong>
          <a href="#price-details" className="cart-bar-details">
            View price details
          </a>
        </p>
        <Link to="/checkout/address" className={buttonClassName('buy')} data-testid="place-order">
          Place order
        </Link>
      </div>
    </>
  );
}
