/** One order in the list: its pictures, what it is, where it stands and what it cost. */
import { formatOrderDate, formatRupees, orderStatusLabel, paymentStatusLabel, type OrderSummary } from '@storefront/kit';
import { Link } from 'react-router';
import './order-row.css';

/** The whole row is one link to the order's page. */
export function OrderRow({ order }: { order: OrderSummary }): React.ReactNode {
  const first = order.lines[0];
  const others = order.lines.length - 1;
  const unpaid = order.payment.status === 'failed' || order.payment.status === 'expired';
  return (
    <li className="order-row card" data-testid="order-row" data-order-id={order.id}>
      <Link to={`/accounts/orders/${order.id}`} className="order-row-link">
        <span className="order-row-images" aria-hidden="true">
          {order.lines.slice(0, 2).map((line) => (
            <img key={`${line.productId}/${line.variantId}`} src={line.image.url} alt="" width="64" height="64" loading="lazy" />
          ))}
        </span>
        <span className="order-row-text">
          <span className={`order-status order-status-${order.status}`} data-testid="order-status">
            {orderStatusLabel(order.status)}
            {unpaid ? ` · ${paymentStatusLabel(order.payment)}` : ''}
          </span>
          <span className="order-row-title">
            {first?.title ?? 'Order'}
            {others > 0 ? ` and ${others} more` : ''}
          </span>
          <span className="order-row-meta">
            {formatOrderDate(order.createdAt)} · {formatRupees(order.total)}
          </span>
        </span>
        <svg className="order-row-go" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path fill="currentColor" d="M8.6 16.6 13.2 12 8.6 7.4 10 6l6 6-6 6z" />
        </svg>
      </Link>
    </li>
  );
}
