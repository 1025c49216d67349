/** The "Price details" card: items at MRP, discount, delivery, total and the saving. */
import { formatRupees, type PriceSummary } from '@storefront/kit';
import './price-details.css';

/** Amounts come from the server's summary (or its optimistic twin computed by the same maths). */
export function PriceDetails({ summary }: { summary: PriceSummary }): React.ReactNode {
  const items = `${summary.itemCount} item${summary.itemCount === 1 ? '' : 's'}`;
  return (
    <section className="prd card" id="price-details" aria-labelledby="prd-title" data-testid="price-details">
      <h2 id="prd-title" className="prd-title">
        Price details
      </h2>
      <dl className="prd-rows">
        <div>
          <dt>Price ({items})</dt>
          <dd>{formatRupees(summary.mrpTotal)}</dd>
        </div>
        <div>
          <dt>Discount</dt>
          <dd className="prd-green">−{formatRupees(summary.discount)}</dd>
        </div>
        <div>
          <dt>Delivery charges</dt>
          <dd className={summary.deliveryFee === 0 ? 'prd-green' : undefined}>{summary.deliveryFee === 0 ? 'FREE' : formatRupees(summary.deliveryFee)}</dd>
        </div>
        <div className="prd-total">
          <dt>Total amount</dt>
          <dd data-testid="price-total">{formatRupees(summary.total)}</dd>
        </div>
      </dl>
      {summary.savings > 0 && (
        <p className="prd-save" data-testid="price-savings">
          You will save {formatRupees(summary.savings)} on this order
        </p>
      )}
    </section>
  );
}
