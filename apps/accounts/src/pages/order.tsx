/**
 * One order: where it is (status timeline), what is in it, where it goes, how it is paid, and a
 * way to cancel it while the shop still can (placed or packed). Another shopper's order, or one
 * that does not exist, is simply not found.
 */
import {
  ApiError,
  apiPost,
  Button,
  DeliverTo,
  EmptyState,
  ErrorState,
  formatOrderDate,
  messageOf,
  OrderItems,
  orderStatusLabel,
  paymentMethodLabel,
  paymentStatusLabel,
  PriceDetails,
  Skeleton,
  Toast,
  useApi,
  useToast,
  type Order,
} from '@storefront/kit';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AccountFrame, PageHeading } from '../components/PageFrame';
import { StatusTimeline } from '../components/StatusTimeline';
import './order.css';

export default function OrderPage(): React.ReactNode {
  return <AccountFrame title="Order details">{() => <OrderDetails />}</AccountFrame>;
}

function OrderDetails(): React.ReactNode {
  const { orderId = '' } = useParams();
  const load = useApi<{ order: Order }>(`orders/${encodeURIComponent(orderId)}`);
  const [order, setOrder] = useState<Order | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const toast = useToast();

  useEffect(() => {
    if (load.data) setOrder(load.data.order);
  }, [load.data]);

  const cancel = async (): Promise<void> => {
    setBusy(true);
    try {
      const answer = await apiPost<{ order: Order }>(`orders/${encodeURIComponent(orderId)}/cancel`);
      setOrder(answer.order);
      setConfirming(false);
      toast.show('Order cancelled');
    } catch (error) {
      // Shipped meanwhile (409), or the network: say so, and show the order as it is now.
      toast.show(messageOf(error));
      if (error instanceof ApiError && error.code === 'order-not-cancellable') load.reload();
    } finally {
      setBusy(false);
    }
  };

  if (load.status === 'error') {
    if (load.error.status === 404 || load.error.status === 400) {
      return (
        <EmptyState title="We couldn’t find this order" message="It may belong to another account, or the link is mistyped." testId="order-not-found">
          <Link to="/accounts/orders" className="order-back-link">
            See your orders
          </Link>
        </EmptyState>
      );
    }
    return <ErrorState error={load.error} onRetry={load.reload} />;
  }
  if (!order) return <OrderSkeleton />;

  const live = order.status !== 'cancelled' && order.status !== 'delivered';
  return (
    <>
      <PageHeading>Order details</PageHeading>
      <section className="od-head card" aria-label="Order">
        <p className="od-id">
          Order ID <strong data-testid="order-id">{order.id}</strong>
        </p>
        <p className="od-when">Placed on {formatOrderDate(order.createdAt)}</p>
        <p className={`order-status order-status-${order.status}`} data-testid="order-status">
          {orderStatusLabel(order.status)}
        </p>
      </section>
      <section className="od-card card" aria-labelledby="od-track">
        <h2 id="od-track" className="od-title">
          Track your order
        </h2>
        <StatusTimeline order={order} />
        {order.canCancel &&
          (confirming ? (
            <div className="od-confirm" role="group" aria-label="Cancel this order?">
              <p>Cancel this order? {order.payment.status === 'paid' ? 'Your payment will be refunded.' : 'Nothing will be charged.'}</p>
              <div className="od-actions">
                <Button variant="outline" onClick={() => void cancel()} disabled={busy} data-testid="order-cancel-confirm">
                  {busy ? 'Cancelling…' : 'Yes, cancel it'}
                </Button>
                <Button variant="primary" onClick={() => setConfirming(false)} disabled={busy}>
                  Keep the order
                </Button>
              </div>
            </div>
          ) : (
            <Button variant="outline" block onClick={() => setConfirming(true)} data-testid="order-cancel">
              Cancel order
            </Button>
          ))}
      </section>
      <OrderItems lines={order.lines} title={`${order.totals.itemCount} item${order.totals.itemCount === 1 ? '' : 's'}`} />
      <DeliverTo address={order.address} delivery={live ? order.delivery : null} title="Shipping address" />
      <section className="od-card card" aria-labelledby="od-payment">
        <h2 id="od-payment" className="od-title">
          Payment
        </h2>
        <p data-testid="order-payment">
          {paymentMethodLabel(order.payment.method)} · {paymentStatusLabel(order.payment)}
        </p>
      </section>
      <PriceDetails totals={order.totals} offers={order.offers} title="Payment details" />
      <Toast {...toast.props} />
    </>
  );
}

/** The order page's blocks while it loads. */
function OrderSkeleton(): React.ReactNode {
  return (
    <div aria-busy="true">
      <h1 className="acc-title">Order details</h1>
      <div className="od-head card" aria-hidden="true">
        <Skeleton width="60%" height={16} />
        <Skeleton width="40%" height={14} />
      </div>
      <div className="od-card card" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((n) => (
          <Skeleton key={n} width="55%" height={16} />
        ))}
      </div>
    </div>
  );
}
