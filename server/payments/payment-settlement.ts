/**
 * A payment's outcome applied to its order, once: the payment leaves `pending` by a conditional
 * UPDATE, so a webhook, the browser's signed return and the abandoned-payment sweep may race and
 * only the first counts. Paid: the order goes on. Failed or expired: the order is cancelled and its
 * reserved stock returned, in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { PaymentStatus } from '../../apps/kit/src/shared/api-types';
import { AppError } from '../errors/app-error';
import { findOrderRow, appendTimeline } from '../orders/order-store';
import { cancelInTransaction } from '../orders/order-status';
import type { Database } from '../store/schema';

export type Outcome = 'paid' | 'failed' | 'expired';

export interface Settled {
  orderId: string;
  /** False when the payment was no longer pending (settled before, cancelled, or expired). */
  applied: boolean;
  /** The payment's status after this call. */
  status: PaymentStatus;
}

const CANCEL_NOTES: Record<Exclude<Outcome, 'paid'>, string> = {
  failed: 'Payment failed; order cancelled',
  expired: 'Payment not completed in time; order cancelled',
};

/** Settles payment `paymentId` with `outcome` inside `trx` (the caller's transaction). */
export async function settleInTransaction(trx: Kysely<Database>, paymentId: string, outcome: Outcome, now: number, reference?: string): Promise<Settled> {
  const payment = await trx.selectFrom('payments').select(['order_id', 'status']).where('id', '=', paymentId).executeTakeFirst();
  if (!payment) throw new AppError('payment-not-found', { paymentId });
  const moved = await trx
    .updateTable('payments')
    .set({ status: outcome, updated_at: now, ...(reference ? { reference } : {}) })
    .where('id', '=', paymentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) {
    const current = await trx.selectFrom('payments').select('status').where('id', '=', paymentId).executeTakeFirstOrThrow();
    return { orderId: payment.order_id, applied: false, status: current.status as PaymentStatus };
  }
  const order = await findOrderRow(trx, payment.order_id);
  if (outcome === 'paid') {
    await trx.updateTable('orders').set({ payment_status: 'paid', updated_at: now }).where('id', '=', order.id).where('payment_status', '=', 'pending').execute();
    await appendTimeline(trx, order.id, order.status as 'placed', 'Payment received', now);
  } else {
    await cancelInTransaction(trx, order, now, { note: CANCEL_NOTES[outcome], paymentStatus: outcome });
  }
  return { orderId: order.id, applied: true, status: outcome };
}

/** Settles a payment in its own transaction. */
export function settlePayment(db: Kysely<Database>, paymentId: string, outcome: Outcome, now: number, reference?: string): Promise<Settled> {
  return db.transaction().execute((trx) => settleInTransaction(trx, paymentId, outcome, now, reference));
}

/**
 * Records a provider's event id inside the transaction that applies it; an id seen before is a
 * replay (`webhook-replayed`), even when the first delivery changed nothing.
 */
export async function recordEvent(trx: Kysely<Database>, provider: string, eventId: string, now: number): Promise<void> {
  const inserted = await trx
    .insertInto('payment_events')
    .values({ provider, event_id: eventId, received_at: now })
    .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) throw new AppError('webhook-replayed', { eventId });
}
