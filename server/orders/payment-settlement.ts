/**
 * A payment's outcome applied to its order, once: the payment leaves `pending` by a conditional
 * UPDATE, so a webhook, the browser's signed return and the abandoned-payment sweep may race and
 * only the first counts. Paid: the order goes on. Failed or expired: the order is cancelled and its
 * reserved stock returned, in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { PaymentStatus } from '../../shared/api-types';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import type { PaymentOutcomes } from '../payments/webhook-routes';
import type { Database } from '../store/schema';
import { appendTimeline, findOrderRow } from './order-store';
import { recordOrderEvent } from './order-events';
import { cancelInTransaction } from './order-status';

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

/** Verified webhook outcomes applied to orders: what `app.ts` hands the payment webhook routes. */
export function orderPaymentOutcomes(deps: ServerDeps): PaymentOutcomes {
  return {
    apply: (trx, event, now) => settleInTransaction(trx, event.paymentId, event.outcome, now, event.reference),
    committed(result, event, provider) {
      if (result.applied) recordOrderEvent(deps, 'PAYMENT_SETTLED', { orderId: result.orderId, outcome: event.outcome, via: 'webhook', provider });
      else deps.logger.warn({ provider, paymentId: event.paymentId, outcome: event.outcome, status: result.status }, 'webhook for a payment that was no longer pending');
    },
  };
}
