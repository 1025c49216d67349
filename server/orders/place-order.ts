/**
 * Placing an order, in the caller's transaction (see order-placement.ts): the address and the lines priced from the catalog (a price
 * that differs from the one the shopper confirmed refuses the order), stock taken per variant, the
 * order, its lines, its first timeline row and (for the gateway) its pending payment written, the
 * ordered lines taken out of the cart, and the answer stored under the idempotency key. Either all
 * of it commits, or none of it.
 */
import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Order, OrderAddress, PlaceOrderRequest } from '../../shared/api-types';
import { findAddress } from '../auth/account/address-store';
import { removeAccountCartItems } from '../cart/cart-store';
import { takeStock } from '../catalog/stock';
import { estimateDelivery } from '../delivery/delivery-estimate';
import { unserviceableReason } from '../delivery/pin-serviceability';
import { AppError } from '../errors/app-error';
import { PAYMENT_TIMEOUT_MS, type PaymentProvider } from '../payments/payment-provider';
import type { PaymentsTable } from '../payments/tables';
import type { Database } from '../store/schema';
import { completeKey, type KeyClaim } from './idempotency';
import { priceLines } from './line-pricing';
import { newOrderId } from './order-store';
import { orderTotals } from './order-totals';
import { toOrder } from './order-view';
import { insertOrder, writeOrderRows } from './order-writes';
import type { OrderLinesTable, OrdersTable, OrderTimelineTable } from './tables';

export interface PlaceOrderInput {
  accountId: string;
  request: PlaceOrderRequest;
  claim: KeyClaim;
  /** The provider of a `test-gateway` (or other gateway) order. */
  provider: PaymentProvider | undefined;
  now: number;
}

/** Places the order inside `trx` and answers it with the exact JSON text stored (in the same transaction) for replays. */
export async function placeOrderInTransaction(trx: Kysely<Database>, input: PlaceOrderInput): Promise<{ order: Order; body: string }> {
  const { accountId, request, claim, provider, now } = input;
  const { id: _id, isDefault: _default, ...orderAddress } = await findAddress(trx, accountId, request.addressId);
  const unserviceable = unserviceableReason(orderAddress.pin);
  if (unserviceable !== null) throw new AppError('pin-unserviceable', { pin: orderAddress.pin, reason: unserviceable });

  const { lines, problems } = await priceLines(trx, request.lines);
  if (problems.length > 0) throw new AppError('order-line-invalid', { lines: problems });
  const repriced = lines.flatMap((line) => (line.changed?.price ? [{ productId: line.productId, variantId: line.variantId, ...line.changed.price }] : []));
  if (repriced.length > 0) throw new AppError('price-changed', { lines: repriced });
  await takeStock(trx, lines);

  const { totals, offers } = orderTotals(lines);
  const gateway = request.paymentMethod !== 'cod';
  const delivery = estimateDelivery(orderAddress.pin, now);
  const fields: Omit<Selectable<OrdersTable>, 'id'> = {
    account_id: accountId,
    status: 'placed',
    payment_method: request.paymentMethod,
    payment_status: gateway ? 'pending' : 'due',
    address: JSON.stringify(orderAddress satisfies OrderAddress),
    totals: JSON.stringify(totals),
    offers: JSON.stringify(offers),
    delivery: JSON.stringify(delivery),
    item_count: totals.itemCount,
    total: totals.total,
    created_at: now,
    updated_at: now,
  };
  // The order's row first: the id it gets (see newOrderId) keys every other row.
  if (gateway && !provider) throw new Error(`no payment provider for ${request.paymentMethod}`);
  const order: Selectable<OrdersTable> = { id: await insertOrder(trx, fields, () => newOrderId(now)), ...fields };
  const orderLines: Array<Selectable<OrderLinesTable>> = lines.map((line, position) => ({
    order_id: order.id,
    position,
    product_id: line.productId,
    variant_id: line.variantId,
    title: line.title,
    image: JSON.stringify(line.image),
    variant: line.variant ? JSON.stringify(line.variant) : null,
    quantity: line.quantity,
    unit_price: line.unitPrice,
    unit_mrp: line.mrp,
    line_total: line.lineTotal,
  }));
  const timeline: Array<Selectable<OrderTimelineTable>> = [
    { order_id: order.id, seq: 1, status: 'placed', note: gateway ? 'Order placed; waiting for payment' : 'Order placed; pay cash on delivery', at: now },
  ];
  const payment: Selectable<PaymentsTable> | undefined =
    gateway && provider
      ? {
          id: `pay_${crypto.randomBytes(16).toString('base64url')}`,
          order_id: order.id,
          provider: provider.name,
          status: 'pending',
          amount: totals.total,
          reference: null,
          created_at: now,
          updated_at: now,
          expires_at: now + PAYMENT_TIMEOUT_MS,
        }
      : undefined;

  await writeOrderRows(trx, orderLines, timeline, payment);
  await removeAccountCartItems(trx, accountId, lines);

  // The view from the values just written rather than their JSON parsed back: the same answer (decisions/0037).
  const documents = { address: orderAddress, totals, offers, delivery, lines: lines.map((line) => ({ image: line.image, variant: line.variant })) };
  const view = toOrder(order, orderLines, timeline, payment, (p) => provider?.paymentPageUrl(p.id), documents);
  const body = JSON.stringify({ order: view });
  await completeKey(trx, claim, 201, body);
  return { order: view, body };
}
