/** The cart: lines with quantity and remove, price details and the PLACE ORDER bar. */
import {
  buttonClassName,
  cartTotals,
  cartWriteCount,
  EmptyState,
  enqueue,
  ErrorState,
  isSignedIn,
  lineKey,
  loadCartOffline,
  pendingLineKeys,
  PriceDetails,
  publishCart,
  recallForOffline,
  track,
  useApi,
  useCart,
  useOnline,
  useOutboxResults,
  usePendingOps,
  type Address,
  type Cart,
  type CartLine,
} from '@storefront/kit';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { lineMessages } from '../cart/cart-lines';
import { pricesOf } from '../checkout/checkout-lines';
import { startFromCart } from '../checkout/checkout-session';
import { CheckoutBar } from '../components/CheckoutBar';
import { CartLineItem } from '../components/CartLineItem';
import { CartSkeleton } from '../components/CartSkeleton';
import { OfflineCartNote } from '../components/OfflineCartNote';
import './cart.css';

/**
 * Edits are queued changes (the kit's outbox): the page shows them at once, they reach the server
 * in order (now, or when the shopper is back online), and the server's answer is the truth (its
 * prices and stock win). A refused change goes away and the line says why.
 */
export default function CartPage(): React.ReactNode {
  const load = useApi<Cart>('cart');
  const { view: cart, seenAt } = useCart();
  const pending = usePendingOps();
  const results = useOutboxResults();
  const online = useOnline();
  const [since] = useState(() => Date.now());
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [offlineCopy, setOfflineCopy] = useState<'none' | 'looking' | 'shown'>('none');

  // The changes answered before the load started: a change saved while it was on its way wins.
  const writesAtLoad = useRef(cartWriteCount());
  if (load.status === 'loading') writesAtLoad.current = cartWriteCount();
  useEffect(() => {
    if (load.data) publishCart(load.data, writesAtLoad.current);
  }, [load.data]);

  // Offline: the cart as last seen on this phone, with the changes queued since.
  const failedOffline = load.status === 'error' && load.error.offline;
  useEffect(() => {
    if (!failedOffline) return;
    setOfflineCopy('looking');
    void loadCartOffline().then((kept) => setOfflineCopy(kept ? 'shown' : 'none'));
  }, [failedOffline]);

  // Offline, an order can still be queued (cash on delivery) by a signed-in shopper with an
  // address kept on this phone; logging in or adding an address needs the network.
  const [offlineBlock, setOfflineBlock] = useState<string | null>(null);
  // `navigator.onLine` can say online where requests go nowhere: a cart that failed to load counts too.
  const offline = !online || failedOffline;
  useEffect(() => {
    if (!offline) {
      setOfflineBlock(null);
      return;
    }
    if (!isSignedIn()) {
      setOfflineBlock('Logging in needs a connection');
      return;
    }
    let cancelled = false;
    void recallForOffline<Address[]>('addresses').then((addresses) => {
      if (!cancelled) setOfflineBlock(addresses && addresses.length > 0 ? null : 'Adding an address needs a connection');
    });
    return () => {
      cancelled = true;
    };
  }, [offline]);

  useEffect(() => {
    if (cart) document.title = `Cart (${cart.summary.itemCount}) · Storefront`;
  }, [cart]);

  const touched = useMemo(() => pendingLineKeys(pending), [pending]);
  const messages = useMemo(() => lineMessages(results, since, dismissed), [results, since, dismissed]);

  const change = (line: CartLine, quantity: number | null): void => {
    const variantId = line.variant?.id ?? '';
    // A new change of a line answers the old refusal shown under it.
    setDismissed((keys) => new Set([...keys, ...results.filter((r) => r.productId === line.product.id && (r.variantId ?? '') === variantId).map((r) => r.key)]));
    if (quantity === null) {
      track('CHECKOUT_STEP', { step: 'remove-from-cart', productId: line.product.id });
      void enqueue({ kind: 'cart-remove', productId: line.product.id, variantId });
    } else {
      track('CHECKOUT_STEP', { step: 'quantity-change', productId: line.product.id, quantity });
      void enqueue({ kind: 'cart-set', productId: line.product.id, variantId, quantity });
    }
  };

  const showCopy = offlineCopy === 'shown' || (load.status === 'error' && pending.length > 0);
  if (load.status === 'error' && !showCopy && offlineCopy !== 'looking') return <ErrorState error={load.error} onRetry={load.reload} />;
  if (!cart || (load.status !== 'ready' && !showCopy)) {
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
      {(offline || showCopy) && <OfflineCartNote seenAt={seenAt} productIds={cart.lines.map((line) => line.product.id)} />}
      <div className="cart-layout">
        <ul className="cart-lines card" aria-label="Items in your cart">
          {cart.lines.map((line) => {
            const key = lineKey(line.product.id, line.variant?.id);
            return (
              <CartLineItem
                key={line.id}
                line={line}
                pending={touched.has(key) ? (online ? 'saving' : 'waiting') : null}
                message={messages.get(key) ?? null}
                onQuantity={(quantity) => change(line, quantity)}
                onRemove={() => change(line, null)}
              />
            );
          })}
        </ul>
        <div className="cart-side">
          <PriceDetails totals={cartTotals(cart.summary)} />
          <p className="cart-safe">Safe and secure payments. Easy returns. 100% authentic products.</p>
        </div>
      </div>
      <CheckoutBar total={cart.summary.total} before={cart.summary.discount > 0 ? cart.summary.mrpTotal + cart.summary.deliveryFee : null}>
        {offlineBlock ? (
          <div className="cart-blocked">
            <button type="button" className={buttonClassName('buy')} disabled aria-describedby="place-order-blocked" data-testid="place-order">
              Place order
            </button>
            <p id="place-order-blocked" className="cart-blocked-why" data-testid="place-order-blocked">
              You’re offline: {offlineBlock.charAt(0).toLowerCase() + offlineBlock.slice(1)}
            </p>
          </div>
        ) : (
          <Link to="/checkout/address" className={buttonClassName('buy')} onClick={() => startFromCart(pricesOf(cart))} data-testid="place-order">
            Place order
          </Link>
        )}
      </CheckoutBar>
    </>
  );
}
