/**
 * After the order: what was ordered, where it goes, when it arrives, and how the payment went.
 * Coming back from the payment gateway (`?payment=…&sig=…`), the signed result is handed to the
 * server, which settles the payment if its webhook has not already; the page then shows the
 * order as the server has it (never the query's word). A declined payment cancels the order and
 * offers to pay again for the same items.
 */
import {
  ApiError,
  apiPost,
  apiRequest,
  Button,
  buttonClassName,
  DeliverTo,
  ErrorState,
  formatOrderDate,
  offerPush,
  OrderItems,
  paymentMethodLabel,
  paymentStatusLabel,
  PriceDetails,
  refreshCart,
  trackCheckout,
  type CheckoutOutcome,
  type Order,
} from '@storefront/kit';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { finishSession, updateSession } from '../checkout/checkout-session';
import { goToLogin, useShopper } from '../checkout/shopper';
import { ConfirmationSkeleton, OrderOutcome, outcomeOf } from '../components/OrderOutcome';
import './confirmation.css';

/** While a gateway payment is still pending, the order is read again this often, this many times. */
const POLL_MS = 2000;
const POLL_TRIES = 15;

type View = { status: 'loading' } | { status: 'ready'; order: Order } | { status: 'error'; error: ApiError };

export default function ConfirmationPage(): React.ReactNode {
  const shopper = useShopper('confirmation');
  if (!shopper) return <ConfirmationSkeleton />;
  return <Confirmation />;
}

function Confirmation(): React.ReactNode {
  const { orderId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  // The gateway's signed result, read once: the URL is cleaned after it was handed over.
  const returned = useRef(new URLSearchParams(location.search));
  const [view, setView] = useState<View>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const polls = useRef(0);
  const tracked = useRef(false);

  useEffect(() => {
    document.title = 'Order confirmation · Storefront';
  }, []);

  useEffect(() => {
    let live = true;
    const path = `orders/${encodeURIComponent(orderId)}`;
    const payment = returned.current.get('payment');
    const sig = returned.current.get('sig');
    const load = async (): Promise<Order> => {
      if (payment && sig && attempt === 0) {
        try {
          return (await apiPost<{ order: Order }>(`${path}/payment-return`, { payment, sig })).order;
        } catch (error) {
          // A result that does not verify proves nothing; the order as the server has it still counts.
          if (!(error instanceof ApiError) || error.code !== 'payment-signature-invalid') throw error;
        }
      }
      return (await apiRequest<{ order: Order }>(path)).order;
    };
    load().then(
      (order) => {
        if (!live) return;
        setView({ status: 'ready', order });
        if (location.search) void navigate(location.pathname, { replace: true });
      },
      (error: unknown) => {
        if (!live) return;
        const failure = error instanceof ApiError ? error : new ApiError(0, 'offline', String(error));
        if (failure.status === 401) return goToLogin('confirmation', location.pathname + location.search);
        setView({ status: 'error', error: failure });
      },
    );
    return () => {
      live = false;
    };
    // Only the order and an explicit retry or poll load it again (cleaning the URL must not).
  }, [orderId, attempt]);

  const order = view.status === 'ready' ? view.order : null;
  const outcome = order ? outcomeOf(order) : null;

  // The webhook settles a gateway payment within moments of the shopper's return: look again.
  useEffect(() => {
    if (outcome !== 'pending' || polls.current >= POLL_TRIES) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      setAttempt((n) => n + 1);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [outcome, order]);

  useEffect(() => {
    if (!order || !outcome || outcome === 'pending' || tracked.current) return;
    tracked.current = true;
    const funnel: Record<typeof outcome, CheckoutOutcome> = { placed: 'due', paid: 'approved', declined: 'declined', cancelled: 'view' };
    trackCheckout('confirmation', funnel[outcome], { orderId: order.id, paymentMethod: order.payment.method, total: order.totals.total });
    if (outcome === 'placed' || outcome === 'paid') {
      finishSession();
      refreshCart();
      // A placed order is a moment shoppers want news of: offer order updates (never on load otherwise).
      offerPush('order');
    }
  }, [order, outcome]);

  const payAgain = (): void => {
    if (!order) return;
    // The same items, re-priced on the summary: a declined order is cancelled and its stock is back.
    const session = updateSession({ lines: order.lines, confirmed: null, orderKey: null });
    void navigate(session.addressId ? '/checkout/summary' : '/checkout/address');
  };

  if (view.status === 'error') return <ErrorState error={view.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!order || !outcome) return <ConfirmationSkeleton />;
  return (
    <div className="cf">
      <OrderOutcome order={order} outcome={outcome} />
      {outcome === 'declined' && (
        <div className="cf-retry card">
          <p>Nothing was charged and the order was cancelled. You can pay again for the same items, or choose cash on delivery.</p>
          <Button variant="buy" onClick={payAgain} data-testid="pay-again">
            Try again
          </Button>
        </div>
      )}
      <section className="cf-facts card" aria-label="Order details">
        <dl>
          <div>
            <dt>Order ID</dt>
            <dd data-testid="order-id">{order.id}</dd>
          </div>
          <div>
            <dt>Ordered on</dt>
            <dd>{formatOrderDate(order.createdAt)}</dd>
          </div>
          <div>
            <dt>Payment</dt>
            <dd data-testid="payment-status">
              {paymentMethodLabel(order.payment.method)} · {paymentStatusLabel(order.payment)}
            </dd>
          </div>
        </dl>
      </section>
      <DeliverTo address={order.address} delivery={outcome === 'declined' || outcome === 'cancelled' ? null : order.delivery} />
      <OrderItems lines={order.lines} title={`${order.totals.itemCount} item${order.totals.itemCount === 1 ? '' : 's'}`} />
      <PriceDetails totals={order.totals} offers={order.offers} title="Payment details" />
      <div className="cf-actions">
        <a href={`/accounts/orders/${order.id}`} className={buttonClassName('outline')} data-testid="view-order">
          View order details
        </a>
        <a href="/" className={buttonClassName('primary')} data-testid="continue-shopping">
          Continue shopping
        </a>
      </div>
    </div>
  );
}
