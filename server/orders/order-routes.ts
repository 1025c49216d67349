/**
 * `/api/orders` and `/api/checkout`: the signed-in shopper's summary, order placement (idempotent,
 * never oversold), their orders, cancelling, and the signed return from a payment gateway.
 * See README.md for the contract.
 */
import { Router, type Response } from 'express';
import type { CheckoutSummaryRequest } from '../../shared/api-types';
import { requireSession } from '../auth/session/current-session';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { noStore } from '../http/no-store';
import { sameOriginOnly } from '../http/same-origin';
import { parseInput } from '../http/validate';
import type { PaymentProviders } from '../payments/payment-provider';
import { checkoutSummary } from './checkout-summary';
import { recordOrderEvent } from './order-events';
import { listQuery, orderParams, paymentReturnBody, summaryBody } from './order-schemas';
import { cancelOrderByShopper } from './order-status';
import { findOrderRow, loadOrder, listOrders, type PaymentPageUrl } from './order-store';
import type { OrderRequestHandler } from './order-request';
import { settlePayment } from './payment-settlement';

/** Sends a stored JSON text as is, so a replay is the same bytes as the first answer. */
function sendJsonText(res: Response, status: number, body: string): void {
  res.status(status).type('application/json').send(body);
}

/** `/api/checkout`: the summary. */
export function checkoutRoutes(deps: ServerDeps): Router {
  const router = Router();
  router.use(sameOriginOnly, noStore);
  router.post('/summary', async (req, res) => {
    const session = await requireSession(deps, req);
    const body = parseInput(summaryBody, req.body, 'checkout summary') as CheckoutSummaryRequest;
    res.json(await checkoutSummary(deps.store.db, session.accountId, body, deps.now()));
  });
  return router;
}

/** `/api/orders`; placing an order goes through `placeOrder`, shared with the request listener's fast path. */
export function orderRoutes(deps: ServerDeps, providers: PaymentProviders, placeOrder: OrderRequestHandler): Router {
  const { db } = deps.store;
  const pageUrl: PaymentPageUrl = (payment) => providers.get(payment.provider)?.paymentPageUrl(payment.id);
  const router = Router();
  router.use(sameOriginOnly, noStore);

  router.post('/', async (req, res) => {
    const answer = await placeOrder(req.headers, req.body);
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    sendJsonText(res, answer.status, answer.body);
  });

  router.get('/', async (req, res) => {
    const session = await requireSession(deps, req);
    const query = parseInput(listQuery, req.query, 'order list');
    res.json(await listOrders(db, session.accountId, query.cursor, query.limit));
  });

  router.get('/:orderId', async (req, res) => {
    const session = await requireSession(deps, req);
    const { orderId } = parseInput(orderParams, req.params, 'order');
    res.json({ order: await loadOrder(db, orderId, pageUrl, session.accountId) });
  });

  router.post('/:orderId/cancel', async (req, res) => {
    const session = await requireSession(deps, req);
    const { orderId } = parseInput(orderParams, req.params, 'order');
    await cancelOrderByShopper(db, orderId, session.accountId, deps.now());
    recordOrderEvent(deps, 'ORDER_CANCELLED', { orderId, by: 'shopper' });
    res.json({ order: await loadOrder(db, orderId, pageUrl, session.accountId) });
  });

  // The browser's signed return from the gateway: settles the payment if the webhook has not yet.
  router.post('/:orderId/payment-return', async (req, res) => {
    const session = await requireSession(deps, req);
    const { orderId } = parseInput(orderParams, req.params, 'order');
    const body = parseInput(paymentReturnBody, req.body, 'payment return');
    await findOrderRow(db, orderId, session.accountId);
    const payment = await db.selectFrom('payments').select(['id', 'provider']).where('order_id', '=', orderId).orderBy('created_at', 'desc').executeTakeFirst();
    const provider = payment ? providers.get(payment.provider) : undefined;
    if (!payment || !provider || !provider.verifyReturn(orderId, payment.id, body.payment, body.sig)) {
      throw new AppError('payment-signature-invalid', { orderId });
    }
    const settled = await settlePayment(db, payment.id, body.payment, deps.now());
    if (settled.applied) recordOrderEvent(deps, 'PAYMENT_SETTLED', { orderId, outcome: body.payment, via: 'return' });
    res.json({ order: await loadOrder(db, orderId, pageUrl, session.accountId) });
  });

  return router;
}
