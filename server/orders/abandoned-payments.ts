/**
 * Payments nobody finished: a pending payment past its time is expired, its order cancelled and its
 * reserved stock returned. Every server runs the sweep on a timer (conditional updates make
 * concurrent sweeps safe); tests call `sweepAbandonedPayments` with their own clock. The sweep also
 * forgets idempotency keys past their 24 hours and webhook event ids older than a day.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { pruneEvents } from '../payments/payment-events';
import type { Database } from '../store/schema';
import { pruneKeys } from './idempotency';
import { settlePayment } from './payment-settlement';

export const SWEEP_EVERY_MS = 30_000;
const BATCH = 100;

/** Expires every pending payment past its time; answers how many orders it cancelled. */
export async function sweepAbandonedPayments(db: Kysely<Database>, now: number): Promise<number> {
  let cancelled = 0;
  for (;;) {
    const due = await db.selectFrom('payments').select('id').where('status', '=', 'pending').where('expires_at', '<=', now).orderBy('expires_at').limit(BATCH).execute();
    for (const { id } of due) {
      if ((await settlePayment(db, id, 'expired', now)).applied) cancelled++;
    }
    if (due.length < BATCH) break;
  }
  await pruneKeys(db, now);
  await pruneEvents(db, now);
  return cancelled;
}

/** Runs the sweep every 30 s until stopped; failures are logged and the next turn tries again. */
export function startPaymentSweeper(db: Kysely<Database>, now: () => number, logger: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepAbandonedPayments(db, now())
      .then((cancelled) => {
        if (cancelled > 0) logger.info({ cancelled }, 'cancelled orders whose payment was not completed in time');
      })
      .catch((err: unknown) => logger.warn({ err }, 'payment sweep failed'))
      .finally(() => {
        running = false;
      });
  }, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
