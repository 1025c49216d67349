/**
 * `POST /api/payments/webhook/:provider`: the provider checks the signature over the raw body (so
 * this router reads bytes, not JSON), then the event id is recorded and the outcome applied in one
 * transaction. Unsigned, stale and replayed calls are refused with a 4xx and change nothing.
 */
import express, { type Router } from 'express';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { recordOrderEvent } from '../orders/order-events';
import type { PaymentProviders } from './payment-provider';
import { recordEvent, settleInTransaction } from './payment-settlement';

/** Mount at `/api/payments/webhook`, before any JSON body parser. */
export function paymentWebhookRoutes(deps: ServerDeps, providers: PaymentProviders): Router {
  const router = express.Router();
  router.post('/:provider', express.raw({ type: () => true, limit: '64kb' }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const provider = providers.get(req.params.provider);
    if (!provider) throw new AppError('unknown-payment-provider', { provider: req.params.provider });
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const now = deps.now();
    const event = provider.verifyWebhook(raw, req.headers, now);
    const settled = await deps.store.db.transaction().execute(async (trx) => {
      await recordEvent(trx, provider.name, event.id, now);
      return settleInTransaction(trx, event.paymentId, event.outcome, now, event.reference);
    });
    if (settled.applied) recordOrderEvent(deps, 'PAYMENT_SETTLED', { orderId: settled.orderId, outcome: event.outcome, via: 'webhook', provider: provider.name });
    else deps.logger.warn({ provider: provider.name, paymentId: event.paymentId, outcome: event.outcome, status: settled.status }, 'webhook for a payment that was no longer pending');
    res.json({ received: true, applied: settled.applied, status: settled.status });
  });
  return router;
}
