/**
 * Totals of a checkout summary or an order: MRP, discount and delivery fee by the same rule as the
 * cart (the shared price module), then the order-level offers. Amounts are integer paise.
 */
import type { AppliedOffer, OrderTotals } from '../../shared/api-types';
import { summarize } from '../../shared/price';

/**
 * The one order-level offer the shop runs: 5% off orders of three or more units, rounded down to
 * whole rupees and capped. It depends only on the priced lines, so a summary and the order placed
 * from it always agree.
 */
export const MULTI_BUY_OFFER = { id: 'multi-buy', title: 'Buy 3 or more items, get 5% off', minItems: 3, percent: 5, cap: 250_00 } as const;

/** The offers an order of `itemCount` units worth `subtotal` paise gets. */
export function applicableOffers(subtotal: number, itemCount: number): AppliedOffer[] {
  if (itemCount < MULTI_BUY_OFFER.minItems) return [];
  const amount = Math.min(MULTI_BUY_OFFER.cap, Math.floor((subtotal * MULTI_BUY_OFFER.percent) / 100 / 100) * 100);
  return amount > 0 ? [{ id: MULTI_BUY_OFFER.id, title: MULTI_BUY_OFFER.title, amount }] : [];
}

/** Totals and offers of priced lines. The delivery fee depends on the value before offers, as in the cart. */
export function orderTotals(lines: ReadonlyArray<{ mrp: number; unitPrice: number; quantity: number }>): { totals: OrderTotals; offers: AppliedOffer[] } {
  const base = summarize(lines.map((line) => ({ unitMrp: line.mrp, unitPrice: line.unitPrice, quantity: line.quantity })));
  const subtotal = base.mrpTotal - base.discount;
  const offers = applicableOffers(subtotal, base.itemCount);
  const offerTotal = offers.reduce((sum, offer) => sum + offer.amount, 0);
  return {
    totals: { itemCount: base.itemCount, mrp: base.mrpTotal, discount: base.discount, offers: offerTotal, deliveryFee: base.deliveryFee, total: base.total - offerTotal },
    offers,
  };
}
