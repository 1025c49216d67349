/**
 * The items of a checkout or an order: picture, title, variant, quantity and price, and for a line
 * the server re-priced or found short of stock, what changed, shown on the line itself.
 */
import { variantLabel } from '../../orders/order-labels';
import { discountPercent, formatRupees } from '../../../../../shared/price';
import type { OrderLine } from '../../../../../shared/api-types';
import { Price } from '../Price';
import './order-items.css';

export interface OrderItemsProps {
  lines: ReadonlyArray<OrderLine & { changed?: { price?: { was: number; now: number }; stock?: { wanted: number; available: number } } }>;
  /** What changed per line (`productId/variantId` → notes), from `describeChanges`. */
  changes?: ReadonlyMap<string, string[]>;
  title?: string;
}

/** A card listing the lines; the checkout summary passes `changes`, an order's page a `title`. */
export function OrderItems({ lines, changes = new Map(), title }: OrderItemsProps): React.ReactNode {
  return (
    <section className="oi-card card" aria-label={title ?? 'Items'}>
      {title && <h2 className="oi-heading">{title}</h2>}
      <ul>
        {lines.map((line) => {
          const key = `${line.productId}/${line.variantId}`;
          const notes = changes.get(key);
          const variant = variantLabel(line.variant);
          const price = line.changed?.price;
          return (
            <li key={key} className={`oi${notes ? ' oi-changed' : ''}`} data-testid="order-item" data-changed={notes ? 'true' : undefined}>
              <img className="oi-image" src={line.image.url} alt="" width="72" height="72" loading="lazy" />
              <div className="oi-info">
                <p className="oi-title">{line.title}</p>
                {variant && <p className="oi-variant">{variant}</p>}
                <p className="oi-qty">Qty: {line.quantity}</p>
                <Price price={line.lineTotal} mrp={line.mrp * line.quantity} discountPercent={discountPercent(line.mrp, line.unitPrice)} />
                {notes && (
                  <p className="oi-change" role="note" data-testid="line-change">
                    {notes.join(' · ')}
                    {price && (
                      <>
                        {': '}
                        <s>{formatRupees(price.was)}</s> → <strong>{formatRupees(price.now)}</strong> each
                      </>
                    )}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
