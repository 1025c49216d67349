/** "Deliver to": the chosen address in short, when it arrives, and a way to change it. */
import { Link } from 'react-router';
import { deliveryWindow } from '../../orders/order-labels';
import type { Address, DeliveryEstimate, OrderAddress } from '../../../../../shared/api-types';
import './deliver-to.css';

export interface DeliverToProps {
  address: Address | OrderAddress;
  delivery?: DeliveryEstimate | null;
  /** Where "Change" leads (the checkout's address step, a client-side link); no link without it. */
  changeTo?: string;
  /** The card's heading: "Deliver to:" in checkout, "Shipping address" on an order's page. */
  title?: string;
}

/** One card, on the order summary, the confirmation and an order's page. */
export function DeliverTo({ address, delivery = null, changeTo, title = 'Deliver to:' }: DeliverToProps): React.ReactNode {
  const lines = [address.line1, address.line2, address.landmark && `Near ${address.landmark}`, `${address.city}, ${address.state} – ${address.pin}`].filter(Boolean).join(', ');
  return (
    <section className="dt card" aria-labelledby="dt-title" data-testid="deliver-to">
      <div className="dt-head">
        <h2 id="dt-title" className="dt-title">
          {title}
        </h2>
        {changeTo && (
          <Link to={changeTo} className="dt-change" data-testid="change-address">
            Change
          </Link>
        )}
      </div>
      <p className="dt-name">
        {address.name} <span className="dt-tag">{address.type === 'home' ? 'Home' : 'Work'}</span>
      </p>
      <p className="dt-lines">{lines}</p>
      <p className="dt-phone">{address.phone}</p>
      {delivery && (
        <p className="dt-when" data-testid="delivery-estimate">
          {deliveryWindow(delivery)}
        </p>
      )}
    </section>
  );
}
