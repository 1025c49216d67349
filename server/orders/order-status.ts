/**
 * Order status changes: placed → packed → shipped → out_for_delivery → delivered, and cancelled
 * (stock back) while placed or packed. Each change is a conditional UPDATE on the status it was
 * read in, so two servers, the CLI and a payment sweep can never both apply a change, and each
 * writes its timeline row in the same transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import type { OrderStatus, PaymentStatus } from '../../shared/api-types';
import { returnStock } from '../catalog/stock';
import { AppError } from '../errors/app-error';
import type { Database } from '../store/schema';
import { appendTimeline, findOrderRow } from './order-store';
import { CANCELLABLE } from './order-view';
import type { OrdersTable } from './tables';

export const STATUS_FLOW: readonly OrderStatus[] = ['placed', 'packed', 'shipped', 'out_for_delivery', 'delivered'];
export const ORDER_STATUSES: readonly OrderStatus[] = [...STATUS_FLOW, 'cancelled'];

const NOTES: Record<OrderStatus, string> = {
  placed: 'Order placed',
  packed: 'Packed and ready to ship',
  shipped: 'Handed to the courier',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

/** The status after `status`, or null at the end of the flow (and for cancelled orders). */
export function nextStatus(status: OrderStatus): OrderStatus | null {
  const at = STATUS_FLOW.indexOf(status);
  return at >= 0 && at < STATUS_FLOW.length - 1 ? STATUS_FLOW[at + 1]! : null;
}

/** Statuses an operator may move an order to from `status`. */
export function allowedTargets(status: OrderStatus): OrderStatus[] {
  const next = nextStatus(status);
  return [...(next ? [next] : []), ...(CANCELLABLE.has(status) ? (['cancelled'] as const) : [])];
}

/** Moves an order to `target` (an operator's change); `next` means the status after its current one. */
export async function changeOrderStatus(db: Kysely<Database>, orderId: string, target: OrderStatus | 'next', now: number): Promise<OrderStatus> {
  return db.transaction().execute(async (trx) => {
    const row = await findOrderRow(trx, orderId);
    const from = row.status as OrderStatus;
    const to = target === 'next' ? nextStatus(from) : target;
    if (to === 'cancelled' && CANCELLABLE.has(from)) {
      await cancelInTransaction(trx, row, now, { note: 'Cancelled by the shop' });
      return to;
    }
    if (to === null || !allowedTargets(from).includes(to)) {
      throw new AppError('order-status-conflict', { orderId, from, to: to ?? target, allowed: allowedTargets(from) });
    }
    if (row.payment_status === 'pending') throw new AppError('payment-pending', { orderId });
    // Cash on delivery is collected at the door.
    const paymentStatus: string = to === 'delivered' && row.payment_status === 'due' ? 'paid' : row.payment_status;
    await updateIfUnchanged(trx, row, { status: to, payment_status: paymentStatus, updated_at: now });
    await appendTimeline(trx, orderId, to, paymentStatus !== row.payment_status ? `${NOTES[to]}; paid in cash` : NOTES[to], now);
    return to;
  });
}

/** The shopper cancels their own order (`order-not-found` for anyone else's). */
export async function cancelOrderByShopper(db: Kysely<Database>, orderId: string, accountId: string, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findOrderRow(trx, orderId, accountId);
    await cancelInTransaction(trx, row, now, { note: 'Cancelled by you' });
  });
}

/**
 * Cancels an order read in `trx` and puts its stock back. `paymentStatus` overrides what the
 * payment becomes (a failed or expired payment); by default a due or pending payment is cancelled
 * and a paid one refunded.
 */
export async function cancelInTransaction(
  trx: Kysely<Database>,
  row: Selectable<OrdersTable>,
  now: number,
  options: { note: string; paymentStatus?: PaymentStatus },
): Promise<void> {
  if (!CANCELLABLE.has(row.status as OrderStatus)) throw new AppError('order-not-cancellable', { orderId: row.id, status: row.status });
  const paymentStatus = options.paymentStatus ?? (row.payment_status === 'paid' ? 'refunded' : row.payment_status === 'due' || row.payment_status === 'pending' ? 'cancelled' : row.payment_status);
  await updateIfUnchanged(trx, row, { status: 'cancelled', payment_status: paymentStatus, updated_at: now });
  const lines = await trx.selectFrom('order_lines').select(['product_id', 'variant_id', 'quantity']).where('order_id', '=', row.id).execute();
  await returnStock(trx, lines.map((line) => ({ productId: line.product_id, variantId: line.variant_id, quantity: Number(line.quantity) })));
  // The gateway's side of it: a pending payment is closed, a paid one is to be refunded.
  if (options.paymentStatus === undefined) {
    for (const [from, to] of [['pending', 'cancelled'], ['paid', 'refunded']] as const) {
      await trx.updateTable('payments').set({ status: to, updated_at: now }).where('order_id', '=', row.id).where('status', '=', from).execute();
    }
  }
  const refund = paymentStatus === 'refunded' ? '; the payment will be refunded' : '';
  await appendTimeline(trx, row.id, 'cancelled', `${options.note}${refund}`, now);
}

/** Applies `changes` only if the order is still in the status and payment status it was read in. */
async function updateIfUnchanged(trx: Kysely<Database>, row: Selectable<OrdersTable>, changes: { status: string; payment_status: string; updated_at: number }): Promise<void> {
  const result = await trx
    .updateTable('orders')
    .set(changes)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('payment_status', '=', row.payment_status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('order-status-conflict', { orderId: row.id, reason: 'the order changed at the same moment; read it again' });
  }
}
