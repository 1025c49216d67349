/**
 * The product page's "deliver to" answer: the delivery window for a PIN code and the fee for one
 * unit of a listing, from the same rules as checkout (the zone rule here, the fee rule of the shared
 * price module that the cart and order totals use), so the two never disagree.
 */
import type { DeliveryQuote } from '../../shared/api-types';
import { FREE_DELIVERY_THRESHOLD, summarize } from '../../shared/price';
import { estimateDelivery } from './delivery-estimate';
import { unserviceableReason } from './pin-serviceability';

/** What a listing costs, as the catalog has it now (paise). */
export interface ListingPrice {
  price: number;
  mrp: number;
}

/** When one unit of `listing` ordered at `now` (ms) reaches `pin`, and its delivery fee. */
export function quoteDelivery(pin: string, listing: ListingPrice, now: number): DeliveryQuote {
  const reason = unserviceableReason(pin);
  if (reason !== null) return { pin, serviceable: false, reason };
  // One unit, priced as the cart prices it: the fee depends on the order's value before offers.
  const { deliveryFee } = summarize([{ unitMrp: listing.mrp, unitPrice: listing.price, quantity: 1 }]);
  return { pin, serviceable: true, delivery: estimateDelivery(pin, now), fee: deliveryFee, freeDeliveryThreshold: FREE_DELIVERY_THRESHOLD };
}
