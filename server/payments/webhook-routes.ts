/**
 * `POST /api/payments/webhook/:provider`: the provider checks the signature over the raw body (so
 * this router reads bytes, not JSON), then the event id is recorded and the outcome applied in one
 * transaction. Unsigned, stale and replayed calls are refused with a 4xx and change nothing. What an
 * outcome means for an order is the orders domain's: `app.ts` passes it in as `outcomes`.
 */
import express, { type Router } from 'express';
import type { Kysely } from 'kysely';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import type { Database } from '../store/schema';
import { recordEvent } from './payment-events';
import type { PaymentEvent, PaymentProviders } from './payment-provider';

/** The result of applying an outcome. */
export interface AppliedOutcome {
  orderId: string;
  /** False when the payment was no longer pending. */
  applied: boolean;
  /** The payment's status afterwards. */
  status: string;
}

/** What the shop does with a verified payment outcome. */
export interface PaymentOutcomes {
  /** Applies `event` inside `trx`, the transaction that records the event id. */
  apply(trx: Kysely<Database>, event: PaymentEvent, now: number): Promise<AppliedOutcome>;
  /** Called once the transaction has committed. */
  committed(result: AppliedOutcome, event: PaymentEvent, provider: string): void;
}

/** Mount at `/api/payments/webhook`, before any JSON body parser. */
export function paymentWebhookRoutes(deps: ServerDeps, providers: PaymentProviders, outcomes: PaymentOutcomes): Router {
  const router = express.Router();
  router.post('/:provider', express.raw({ type: () => true, limit: '64kb' }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const provider = providers.get(req.params.provider);
    if (!provider) throw new AppError('unknown-payment-provider', { provider: req.params.provider });
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const now = deps.now();
    const event = provider.verifyWebhook(raw, req.headers, now);
    const result = await deps.store.db.transaction().execute(async (trx) => {
      await recordEvent(trx, provider.name, event.id, now);
      return outcomes.apply(trx, event, now);
    });
    outcomes.committed(result, event, provider.name);
    res.json({ received: true, applied: result.applied, status: result.status });
  });
  return router;
}
