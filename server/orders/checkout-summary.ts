/**
 * The checkout summary: the lines the shopper is about to order (sent by the client, or the
 * account's cart), priced from the catalog now, with what changed since the client last saw them,
 * the totals and offers, and the delivery estimate for the chosen address.
 */
import type { Kysely } from 'kysely';
import type { CheckoutSummary, CheckoutSummaryRequest } from '../../shared/api-types';
import { findAddress } from '../auth/account/address-store';
import { accountCartItems } from '../cart/cart-store';
import { estimateDelivery } from '../delivery/delivery-estimate';
import { unserviceableReason } from '../delivery/pin-serviceability';
import { AppError } from '../errors/app-error';
import type { Database } from '../store/schema';
import { priceLines } from './line-pricing';
import { orderTotals } from './order-totals';

/** Prices a checkout for `accountId`. */
export async function checkoutSummary(db: Kysely<Database>, accountId: string, request: CheckoutSummaryRequest, now: number): Promise<CheckoutSummary> {
  const address = await findAddress(db, accountId, request.addressId);
  const unserviceable = unserviceableReason(address.pin);
  if (unserviceable !== null) throw new AppError('pin-unserviceable', { pin: address.pin, reason: unserviceable });
  const inputs = request.lines ?? (await accountCartItems(db, accountId));
  if (inputs.length === 0) throw new AppError('cart-empty');
  const { lines, problems } = await priceLines(db, inputs);
  if (problems.length > 0) throw new AppError('order-line-invalid', { lines: problems });
  const { totals, offers } = orderTotals(lines);
  return {
    address,
    lines: lines.map(({ available: _available, ...line }) => line),
    totals,
    offers,
    delivery: estimateDelivery(address.pin, now),
    changed: lines.some((line) => line.changed !== undefined),
    canPlace: lines.every((line) => line.inStock),
  };
}
