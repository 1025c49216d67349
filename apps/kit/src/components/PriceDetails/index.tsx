/** The "Price details" card: items at MRP, discount, offers, delivery, total and the saving. */
import { formatRupees } from '../../../../../shared/price';
import type { AppliedOffer, OrderTotals, PriceSummary } from '../../../../../shared/api-types';
import './price-details.css';

export interface PriceDetailsProps {
  /** Totals of a checkout summary or an order, as the server counted them. */
  totals: OrderTotals;
  /** The order offers that applied, each on its own row. */
  offers?: readonly AppliedOffer[];
  /** "Price details" unless told; an order's page says "Payment details". */
  title?: string;
}

/** A cart's summary in the shape of an order's totals (a cart has no order offers). */
export function cartTotals(summary: PriceSummary): OrderTotals {
  return { itemCount: summary.itemCount, mrp: summary.mrpTotal, discount: summary.discount, offers: 0, deliveryFee: summary.deliveryFee, total: summary.total };
}

/** The same card in the cart, checkout and an order's page, so the numbers read the same everywhere. */
export function PriceDetails({ totals, offers = [], title = 'Price details' }: PriceDetailsProps): React.ReactNode {
  const items = `${totals.itemCount} item${totals.itemCount === 1 ? '' : 's'}`;
  const savings = totals.discount + totals.offers;
  return (
    <section className="prd card" id="price-details" aria-labelledby="prd-title" data-testid="price-details">
      <h2 id="prd-title" className="prd-title">
        {title}
      </h2>
      <dl className="prd-rows">
        <div>
          <dt>Price ({items})</dt>
          <dd>{formatRupees(totals.mrp)}</dd>
        </div>
        <div>
          <dt>Discount</dt>
          <dd className="prd-green">−{formatRupees(totals.discount)}</dd>
        </div>
        {offers.length > 0
          ? offers.map((offer) => (
              <div key={offer.id} data-testid="price-offer">
                <dt>{offer.title}</dt>
                <dd className="prd-green">−{formatRupees(offer.amount)}</dd>
              </div>
            ))
          : totals.offers > 0 && (
              <div data-testid="price-offer">
                <dt>Offers</dt>
                <dd className="prd-green">−{formatRupees(totals.offers)}</dd>
              </div>
            )}
        <div>
          <dt>Delivery charges</dt>
          <dd className={totals.deliveryFee === 0 ? 'prd-green' : undefined} data-testid="price-delivery">
            {totals.deliveryFee === 0 ? 'FREE' : formatRupees(totals.deliveryFee)}
          </dd>
        </div>
        <div className="prd-total">
          <dt>Total amount</dt>
          <dd data-testid="price-total">{formatRupees(totals.total)}</dd>
        </div>
      </dl>
      {savings > 0 && (
        <p className="prd-save" data-testid="price-savings">
          You will save {formatRupees(savings)} on this order
        </p>
      )}
    </section>
  );
}
