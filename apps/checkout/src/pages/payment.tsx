/**
 * Checkout, step 3: how to pay, and placing the order. Cash on delivery places it at once; the
 * test gateway places it with payment pending and sends the browser to the gateway's hosted page.
 * Each press of "Place order" has one idempotency key, made at the press and kept until a definite
 * answer, so a retry (or the outbox, offline) can never place a second order. Offline, a
 * cash-on-delivery order is queued and placed once the shopper is back online.
 */
import {
  ApiError,
  apiRequest,
  Button,
  enqueue,
  formatRupees,
  paymentMethodLabel,
  refreshCart,
  trackCheckout,
  useOnline,
  useOutboxResults,
  usePendingOps,
  type Order,
  type PaymentMethod,
  type PlaceOrderRequest,
} from '@storefront/kit';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { requestLines } from '../checkout/checkout-lines';
import { finishSession, readSession, updateSession, type CheckoutSession } from '../checkout/checkout-session';
import { goToLogin, useShopper } from '../checkout/shopper';
import { CheckoutFrame, StepSkeleton } from '../components/CheckoutFrame';
import { OfflineNote } from '../components/OfflineNote';
import { PaymentOption } from '../components/PaymentOption';
import { QueuedOrder } from '../components/QueuedOrder';
import type { SummaryPageState } from './summary';

/** How long to wait before asking again while the first request with our key is still running. */
const IN_USE_WAIT_MS = 1500;
const IN_USE_TRIES = 4;

export default function PaymentPage(): React.ReactNode {
  const shopper = useShopper('payment');
  if (!shopper) return <StepSkeleton step="payment" />;
  return <Payment />;
}

function Payment(): React.ReactNode {
  const navigate = useNavigate();
  const online = useOnline();
  const [session, setSession] = useState<CheckoutSession>(readSession);
  const [method, setMethod] = useState<PaymentMethod | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<React.ReactNode>(null);
  const pending = usePendingOps();
  const results = useOutboxResults();
  const confirmed = session.confirmed;
  const lines = session.lines;

  useEffect(() => {
    document.title = 'Payment · Storefront';
    trackCheckout('payment', 'view');
  }, []);

  // Without a confirmed summary there is nothing to pay for yet.
  const ready = Boolean(confirmed && lines && confirmed.addressId === session.addressId);
  useEffect(() => {
    if (!ready && !session.queuedKey) void navigate(session.addressId ? '/checkout/summary' : '/checkout/address', { replace: true });
  }, [ready, session.queuedKey, session.addressId, navigate]);

  // A queued order: placed (go to its confirmation) or refused (say why) once the outbox replays it.
  const queuedResult = session.queuedKey ? results.find((r) => r.key === session.queuedKey) : undefined;
  const stillQueued = session.queuedKey ? pending.some((op) => op.key === session.queuedKey) : false;
  useEffect(() => {
    if (queuedResult?.ok && queuedResult.orderId) {
      finishSession();
      void navigate(`/checkout/confirmation/${queuedResult.orderId}`, { replace: true });
    }
  }, [queuedResult, navigate]);

  const queue = async (key: string, body: PlaceOrderRequest): Promise<void> => {
    if (!confirmed) return;
    await enqueue({ kind: 'order', key, order: body, total: confirmed.total, itemCount: confirmed.itemCount });
    setSession(updateSession({ queuedKey: key }));
    trackCheckout('place-order', 'queued', { paymentMethod: 'cod', total: confirmed.total });
  };

  const place = async (chosen: PaymentMethod): Promise<void> => {
    if (!confirmed || !lines) return;
    const body: PlaceOrderRequest = { addressId: confirmed.addressId, paymentMethod: chosen, lines: requestLines(lines) };
    const key = session.orderKey ?? crypto.randomUUID();
    setSession(updateSession({ orderKey: key }));
    setBusy(true);
    setProblem(null);
    trackCheckout('payment', 'selected', { paymentMethod: chosen });
    try {
      if (!navigator.onLine) {
        if (chosen === 'cod') return await queue(key, body);
        throw new ApiError(0, 'offline', 'You’re offline. Pay on delivery, or pay online once you’re back online.');
      }
      const { order } = await sendOrder(key, body);
      trackCheckout('place-order', chosen === 'cod' ? 'placed' : 'redirected', { paymentMethod: chosen, orderId: order.id, total: order.totals.total });
      refreshCart();
      if (order.payment.redirectUrl) {
        // Keep the lines: a declined payment offers to pay again for the same items.
        updateSession({ orderKey: null });
        window.location.assign(order.payment.redirectUrl);
        return;
      }
      finishSession();
      void navigate(`/checkout/confirmation/${order.id}`, { replace: true });
    } catch (error) {
      setBusy(false);
      const failure = error instanceof ApiError ? error : new ApiError(0, 'offline', 'Could not place the order. Please try again.');
      if (failure.offline && chosen === 'cod') return await queue(key, body);
      handleRefusal(failure, chosen);
    }
  };

  const handleRefusal = (failure: ApiError, chosen: PaymentMethod): void => {
    trackCheckout('place-order', failure.offline || failure.status >= 500 ? 'failed' : 'refused', { paymentMethod: chosen, code: failure.code });
    // An answer that may not be the last word (offline, a failing server) keeps the key for the next press.
    const definite = !failure.offline && failure.status < 500 && failure.code !== 'idempotency-key-in-use';
    if (definite) setSession(updateSession({ orderKey: null }));
    if (failure.status === 401) return goToLogin('payment', '/checkout/payment');
    if (failure.code === 'price-changed' || failure.code === 'out-of-stock') {
      updateSession({ confirmed: null });
      void navigate('/checkout/summary', { state: { refused: failure.code } satisfies SummaryPageState });
      return;
    }
    if (failure.code === 'address-not-found') {
      updateSession({ addressId: null, confirmed: null });
      void navigate('/checkout/address');
      return;
    }
    if (failure.code === 'idempotency-key-reused') {
      setProblem(
        <>
          Your earlier attempt already placed an order.{' '}
          <a href="/accounts/orders" data-testid="see-orders">
            See your orders
          </a>
        </>,
      );
      return;
    }
    setProblem(failure.message);
  };

  if (session.queuedKey && confirmed && (stillQueued || !queuedResult || !queuedResult.ok)) {
    const refusal = queuedResult && !queuedResult.ok ? queuedResult.error : undefined;
    return (
      <CheckoutFrame step="payment" title="Payment">
        <QueuedOrder
          total={confirmed.total}
          itemCount={confirmed.itemCount}
          refusal={refusal?.message ?? null}
          onReview={() => {
            setSession(updateSession({ queuedKey: null, orderKey: null, confirmed: null }));
            void navigate('/checkout/summary');
          }}
        />
      </CheckoutFrame>
    );
  }
  if (!ready || !confirmed) return <StepSkeleton step="payment" />;

  return (
    <CheckoutFrame step="payment" title="Payment">
      {!online && <OfflineNote>You’re offline. Choose cash on delivery and we’ll place your order as soon as you’re back online.</OfflineNote>}
      <section className="pay-amount card" aria-label="Amount payable">
        <span>Total amount</span>
        <strong data-testid="pay-total">{formatRupees(confirmed.total)}</strong>
        <span className="pay-items">
          {confirmed.itemCount} item{confirmed.itemCount === 1 ? '' : 's'} ·{' '}
          <Link to="/checkout/summary" className="pay-review">
            Review order
          </Link>
        </span>
      </section>
      <ul className="co-list" role="radiogroup" aria-label="Payment options">
        <PaymentOption
          method="test-gateway"
          title="UPI or card"
          detail={online ? 'Pay securely on the payment page (test gateway)' : 'Needs a connection'}
          selected={method === 'test-gateway'}
          disabled={!online}
          busy={busy}
          action={`Pay ${formatRupees(confirmed.total)}`}
          onSelect={() => setMethod('test-gateway')}
          onConfirm={() => void place('test-gateway')}
        />
        <PaymentOption
          method="cod"
          title={paymentMethodLabel('cod')}
          detail="Pay in cash or by UPI when your order arrives"
          selected={method === 'cod'}
          busy={busy}
          action={online ? 'Place order' : 'Place order when back online'}
          onSelect={() => setMethod('cod')}
          onConfirm={() => void place('cod')}
        />
      </ul>
      <p className="co-error" role="alert" data-testid="payment-error">
        {problem}
      </p>
    </CheckoutFrame>
  );
}

/**
 * `POST /api/orders` with the press's key. While the first request with this key is still being
 * processed (a double tap, a retry after a timeout) the server says so; waiting for its answer
 * beats a second press.
 */
async function sendOrder(key: string, body: PlaceOrderRequest): Promise<{ order: Order }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await apiRequest<{ order: Order }>('orders', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'idempotency-key-in-use' || attempt >= IN_USE_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, (error.retryAfterSec ?? 0) * 1000 || IN_USE_WAIT_MS));
    }
  }
}
