/** `/ops/api/orders` (operator token): read any order, move it along its statuses or cancel it. */
import express, { type Router } from 'express';
import type { OrderStatus } from '../../shared/api-types';
import type { ServerDeps } from '../deps';
import { jsonErrors } from '../http/error-handler';
import { noStore } from '../http/no-store';
import { requireJson } from '../http/require-json';
import { sameOriginOnly } from '../http/same-origin';
import { parseInput } from '../http/validate';
import { requireOperator, type OperatorAuth } from '../http/operators/operator-auth';
import type { PaymentProviders } from '../payments/payment-provider';
import { recordOrderEvent } from './order-events';
import { orderParams, statusBody } from './order-schemas';
import { changeOrderStatus } from './order-status';
import { loadOrder, type PaymentPageUrl } from './order-store';

/** Mount at `/ops/api/orders`. */
export function orderOpsRoutes(deps: ServerDeps, operators: OperatorAuth, providers: PaymentProviders): Router {
  const { db } = deps.store;
  const pageUrl: PaymentPageUrl = (payment) => providers.get(payment.provider)?.paymentPageUrl(payment.id);
  const router = express.Router();
  router.use(requireOperator(operators), sameOriginOnly, noStore, requireJson, express.json({ limit: '16kb', strict: false }));

  router.get('/:orderId', async (req, res) => {
    const { orderId } = parseInput(orderParams, req.params, 'order');
    res.json({ order: await loadOrder(db, orderId, pageUrl) });
  });

  router.post('/:orderId/status', async (req, res) => {
    const { orderId } = parseInput(orderParams, req.params, 'order');
    const { status } = parseInput(statusBody, req.body, 'status change');
    const to = await changeOrderStatus(db, orderId, status as OrderStatus, deps.now());
    recordOrderEvent(deps, to === 'cancelled' ? 'ORDER_CANCELLED' : 'ORDER_STATUS_CHANGED', { orderId, status: to, by: 'operator' });
    res.json({ order: await loadOrder(db, orderId, pageUrl) });
  });

  router.use(jsonErrors(deps.logger, 'ops order request'));
  return router;
}
