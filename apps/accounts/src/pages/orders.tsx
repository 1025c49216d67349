/** My orders: newest first, a page at a time ("Load more"), each row leading to the order. */
import { apiRequest, buttonClassName, EmptyState, ErrorState, messageOf, Skeleton, type ApiError, type OrderList, type OrderSummary } from '@storefront/kit';
import { useCallback, useEffect, useState } from 'react';
import { OrderRow } from '../components/OrderRow';
import { AccountFrame, PageHeading } from '../components/PageFrame';

/** Orders asked for at a time: a phone screen and a bit. */
export const ORDERS_PAGE_SIZE = 10;

export default function OrdersPage(): React.ReactNode {
  return <AccountFrame title="My orders">{() => <Orders />}</AccountFrame>;
}

function Orders(): React.ReactNode {
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [more, setMore] = useState<'idle' | 'loading' | string>('idle');

  const page = (after: string | null): Promise<OrderList> =>
    apiRequest<OrderList>(`orders?limit=${ORDERS_PAGE_SIZE}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`);

  const load = useCallback(() => {
    setLoadError(null);
    page(null).then(
      (answer) => {
        setOrders(answer.orders);
        setCursor(answer.nextCursor);
      },
      (error: ApiError) => setLoadError(error),
    );
  }, []);
  useEffect(load, [load]);

  const loadMore = (): void => {
    if (!cursor) return;
    setMore('loading');
    page(cursor).then(
      (answer) => {
        setOrders((shown) => [...(shown ?? []), ...answer.orders]);
        setCursor(answer.nextCursor);
        setMore('idle');
      },
      (error: unknown) => setMore(messageOf(error)),
    );
  };

  if (loadError) return <ErrorState error={loadError} onRetry={load} />;
  return (
    <>
      <PageHeading>My orders</PageHeading>
      {orders === null ? (
        <ul className="order-list" aria-hidden="true">
          {[0, 1, 2].map((n) => (
            <li key={n} className="order-row card">
              <div className="order-row-link">
                <Skeleton width={64} height={64} />
                <span className="order-row-text">
                  <Skeleton width="50%" height={14} />
                  <Skeleton width="85%" height={16} />
                  <Skeleton width="30%" height={14} />
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : orders.length === 0 ? (
        <EmptyState title="No orders yet" message="When you place an order, it shows up here so you can track it." testId="no-orders" art="orders">
          <a href="/" className={buttonClassName('buy')}>
            Start shopping
          </a>
        </EmptyState>
      ) : (
        <>
          <ul className="order-list" aria-label="Your orders">
            {orders.map((order) => (
              <OrderRow key={order.id} order={order} />
            ))}
          </ul>
          {cursor && (
            <button type="button" className="order-more card" onClick={loadMore} disabled={more === 'loading'} data-testid="orders-more">
              {more === 'loading' ? 'Loading…' : 'Load more orders'}
            </button>
          )}
          {more !== 'idle' && more !== 'loading' && (
            <p className="form-error" role="alert">
              {more}
            </p>
          )}
        </>
      )}
    </>
  );
}
