/**
 * `POST /api/orders` from what the request carries (its cookies, its Idempotency-Key and its parsed
 * JSON body) to the answer: status, extra headers and the exact JSON text. One code path for the
 * Express route (order-routes.ts) and the request listener's fast path (fast-order-placement.ts),
 * so both check, place, replay and report alike. Refusals are thrown as AppErrors.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { PlaceOrderRequest } from '../../shared/api-types';
import { requireSessionOfCookies } from '../auth/session/current-session';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { readIdempotencyKey } from '../http/idempotency-key';
import { parseInput } from '../http/validate';
import type { PaymentProviders } from '../payments/payment-provider';
import { recordOrderEvent } from './order-events';
import { OrderPlacer, type Placement } from './order-placement';
import { placeOrderBody } from './order-schemas';

/** The route pattern the API timings name these requests by (as Express reports it: mount and route path). */
export const PLACE_ORDER_ROUTE = '/api/orders/';

/** An answer to send as is: a replay is the same bytes as the first answer. */
export interface OrderAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** Answers one order request. */
export type OrderRequestHandler = (headers: IncomingHttpHeaders, body: unknown) => Promise<OrderAnswer>;

/** The handler of one app: one placer (one group-commit queue on SQLite) whichever path a request takes. */
export function createOrderRequestHandler(deps: ServerDeps, providers: PaymentProviders): OrderRequestHandler {
  const placer = new OrderPlacer(deps);
  return async (headers, body) => {
    const session = await requireSessionOfCookies(deps, headers.cookie);
    const key = readIdempotencyKey(headers['idempotency-key']);
    const request = parseInput(placeOrderBody, body, 'order') as PlaceOrderRequest;
    const provider = request.paymentMethod === 'cod' ? undefined : providers.get(request.paymentMethod);
    let placement: Placement;
    try {
      placement = await placer.place({ accountId: session.accountId, key, request, provider });
    } catch (error) {
      recordOrderEvent(deps, 'ORDER_FAILED', { paymentMethod: request.paymentMethod, code: error instanceof AppError ? error.code : 'internal' });
      throw error;
    }
    if (placement.kind === 'replay') return { status: placement.status, headers: [['Idempotent-Replayed', 'true']], body: placement.body };
    const { order } = placement;
    recordOrderEvent(deps, 'ORDER_PLACED', { orderId: order.id, paymentMethod: request.paymentMethod, itemCount: order.totals.itemCount, total: order.totals.total });
    return { status: 201, headers: [['Location', `/api/orders/${order.id}`]], body: placement.body };
  };
}
