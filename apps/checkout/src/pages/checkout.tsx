/** Checkout, step one: confirms what is being ordered; delivery address and payment come next. */
import { buttonClassName, EmptyState, ErrorState, formatRupees, Skeleton, track, useApi, useDeferUpdates, type Cart } from '@storefront/kit';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { PriceDetails } from '../components/PriceDetails';
import './checkout.css';

const STEPS = ['Cart', 'Delivery address', 'Order summary', 'Payment'] as const;

/** No payment is taken here: this page only shows the order and the steps still to come. */
export default function CheckoutPage(): React.ReactNode {
  // A new release waits until the shopper leaves checkout.
  useDeferUpdates();
  const state = useApi<Cart>('cart');
  const cart = state.status === 'ready' ? state.data : null;

  useEffect(() => {
    document.title = 'Checkout · Storefront';
    track('CHECKOUT_STEP', { step: 'checkout' });
  }, []);

  if (state.status === 'error') return <ErrorState error={state.error} onRetry={state.reload} />;
  if (cart && cart.lines.length === 0) {
    return (
      <EmptyState title="Nothing to check out" message="Your cart is empty. Add something you like, then come back here." testId="empty-cart" headingLevel={1}>
        <a href="/" className={buttonClassName('buy')}>
          Shop now
        </a>
      </EmptyState>
    );
  }
  return (
    <div className="co">
      <h1 className="co-heading">Checkout</h1>
      <ol className="co-steps card" aria-label="Checkout steps">
        {STEPS.map((step, index) => (
          <li key={step} className={index === 0 ? 'co-done' : index === 1 ? 'co-current' : undefined} aria-current={index === 1 ? 'step' : undefined}>
            <span className="co-step-no" aria-hidden="true">
              {index === 0 ? '✓' : index + 1}
            </span>
            {step}
          </li>
        ))}
      </ol>
      <section className="co-next card" aria-labelledby="co-next-title">
        <h2 id="co-next-title">Next: delivery address and payment</h2>
        <p>Check your order below. You will choose a delivery address and a payment method in the next steps; nothing is charged yet.</p>
        <Link to="/cart" className={buttonClassName('outline')} data-testid="back-to-cart">
          ← Back to cart
        </Link>
      </section>
      <section className="co-items card" aria-labelledby="co-items-title">
        <h2 id="co-items-title" className="co-items-title">
          Your order
        </h2>
        <ul>
          {cart
            ? cart.lines.map((line) => (
                <li key={line.id} className="co-item">
                  <img src={line.product.image.url} alt="" width="48" height="48" />
                  <span className="co-item-title">
                    {line.product.title} <span className="co-item-qty">× {line.quantity}</span>
                  </span>
                  <span className="co-item-total">{formatRupees(line.lineTotal)}</span>
                </li>
              ))
            : [0, 1].map((n) => (
                <li key={n} className="co-item" aria-hidden="true">
                  <Skeleton width={48} height={48} />
                  <Skeleton height={14} />
                </li>
              ))}
        </ul>
      </section>
      {cart && <PriceDetails summary={cart.summary} />}
    </div>
  );
}

