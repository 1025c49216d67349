/** The top of the confirmation: did it work? A big tick, a cross, or a clock, in words too. */
import { formatRupees, Skeleton, type Order } from '@storefront/kit';
import './order-outcome.css';

export type Outcome = 'placed' | 'paid' | 'pending' | 'declined' | 'cancelled';

/** What the shopper should take away from an order as it stands. */
export function outcomeOf(order: Order): Outcome {
  const { status } = order.payment;
  if (status === 'paid' && order.status !== 'cancelled') return 'paid';
  if (status === 'pending') return 'pending';
  if (status === 'failed' || status === 'expired') return 'declined';
  if (order.status === 'cancelled') return 'cancelled';
  return 'placed';
}

const WORDS: Record<Outcome, { title: string; detail: (order: Order) => string }> = {
  placed: { title: 'Order placed', detail: (o) => `Pay ${formatRupees(o.totals.total)} when it arrives.` },
  paid: { title: 'Payment successful, order placed', detail: (o) => `${formatRupees(o.totals.total)} paid. We’ll let you know when it ships.` },
  pending: { title: 'Confirming your payment…', detail: () => 'This usually takes a few seconds. Please don’t pay again.' },
  declined: { title: 'Payment declined', detail: () => 'The payment did not go through.' },
  cancelled: { title: 'Order cancelled', detail: () => 'This order was cancelled.' },
};

export function OrderOutcome({ order, outcome }: { order: Order; outcome: Outcome }): React.ReactNode {
  const words = WORDS[outcome];
  const good = outcome === 'placed' || outcome === 'paid';
  return (
    <section className={`oo card oo-${good ? 'good' : outcome === 'pending' ? 'wait' : 'bad'}`} role={good || outcome === 'pending' ? 'status' : 'alert'} data-testid="order-outcome" data-outcome={outcome}>
      <span className="oo-icon" aria-hidden="true">
        {good ? '✓' : outcome === 'pending' ? '…' : '✕'}
      </span>
      <h1 className="oo-title">{words.title}</h1>
      <p className="oo-detail">{words.detail(order)}</p>
    </section>
  );
}

/** The confirmation while the order loads: the same blocks, so the page does not jump. */
export function ConfirmationSkeleton(): React.ReactNode {
  return (
    <div className="cf" aria-busy="true">
      <section className="oo card" aria-hidden="true">
        <Skeleton width={56} height={56} round />
        <Skeleton width="60%" height={22} />
        <Skeleton width="75%" height={14} />
      </section>
      <div className="cf-facts card" aria-hidden="true">
        <Skeleton height={14} />
        <Skeleton height={14} />
        <Skeleton height={14} />
      </div>
      <div className="dt card" aria-hidden="true">
        <Skeleton width="30%" height={14} />
        <Skeleton width="80%" height={16} />
        <Skeleton width="60%" height={14} />
      </div>
    </div>
  );
}
