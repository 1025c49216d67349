/**
 * A cash-on-delivery order placed while offline: it waits in the outbox (IndexedDB) and is placed
 * once, with the key made when it was queued, as soon as the shop can be reached. If the server
 * then refuses it (a price changed, an item ran out), the shopper is told and can review it.
 */
import { Button, formatRupees } from '@storefront/kit';
import './queued-order.css';

export interface QueuedOrderProps {
  total: number;
  itemCount: number;
  /** The server's reason, once it refused the queued order. */
  refusal: string | null;
  onReview(): void;
}

export function QueuedOrder({ total, itemCount, refusal, onReview }: QueuedOrderProps): React.ReactNode {
  if (refusal) {
    return (
      <section className="qo qo-refused card" role="alert" data-testid="queued-refused">
        <h2 className="qo-title">We could not place your order</h2>
        <p>{refusal}</p>
        <p className="qo-muted">Nothing was charged. Check the order and place it again.</p>
        <Button variant="buy" onClick={onReview} data-testid="queued-review">
          Review order
        </Button>
      </section>
    );
  }
  return (
    <section className="qo card" role="status" data-testid="order-queued">
      <span className="qo-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="28" height="28">
          <path fill="currentColor" d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm1 3v4.6l3.4 2-1 1.7L11 12.8V7z" />
        </svg>
      </span>
      <h2 className="qo-title">Queued: we’ll place it when you’re back online</h2>
      <p>
        Your cash-on-delivery order of {itemCount} item{itemCount === 1 ? '' : 's'} for <strong>{formatRupees(total)}</strong> is saved on this phone. It will
        be placed once, as soon as you’re connected — you can close this page.
      </p>
    </section>
  );
}
