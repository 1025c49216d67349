/**
 * The test gateway's hosted page, served by the shop at `/pay/test-gateway/:paymentId`: GET shows
 * the form, POST decides by the test values, posts the signed webhook to the shop (as the gateway
 * would, over HTTP), then sends the browser back to the shop's confirmation page with a signed
 * result. The unguessable payment id is the only key to the page, as with a real gateway's URL.
 */
import crypto from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { ServerDeps } from '../../deps';
import { AppError } from '../../errors/app-error';
import { noStore } from '../../http/no-store';
import { sameOriginOnly } from '../../http/same-origin';
import { createNonce } from '../../shells/nonce';
import { closedPage, payPage, payPageCsp } from './pay-page';
import { signReturn } from './signature';
import type { TestGateway } from './test-gateway';
import { decide, type Decision } from './test-values';
import { deliverEvent, signedEvent } from './webhook-sender';

const PAYMENT_ID = /^pay_[A-Za-z0-9_-]{22}$/;

export interface PayRouteOptions {
  /** Where the gateway posts its webhooks; by default this server's own address. */
  webhookUrl?: string | undefined;
}

/** The hosted page's routes, to mount at `/pay/test-gateway`. */
export function testGatewayPageRoutes(deps: ServerDeps, gateway: TestGateway, options: PayRouteOptions = {}): Router {
  const { db } = deps.store;
  const router = express.Router();
  router.use(noStore);

  /** The payment and its order, or a 404. */
  const load = async (paymentId: string | string[] | undefined) => {
    if (typeof paymentId !== 'string' || !PAYMENT_ID.test(paymentId)) throw new AppError('payment-not-found', { paymentId });
    const payment = await db.selectFrom('payments').selectAll().where('id', '=', paymentId).where('provider', '=', gateway.name).executeTakeFirst();
    if (!payment) throw new AppError('payment-not-found', { paymentId });
    // Past its time a payment is closed even before the sweep has cancelled the order.
    const open = payment.status === 'pending' && Number(payment.expires_at) > deps.now();
    return { payment, open };
  };

  const send = (res: Response, status: number, render: (nonce: string) => string): void => {
    const nonce = createNonce();
    res.status(status).setHeader('Content-Security-Policy', payPageCsp(nonce));
    res.type('html').send(render(nonce));
  };

  router.get('/:paymentId', async (req, res) => {
    const { payment, open } = await load(req.params.paymentId);
    if (!open) return send(res, 409, (nonce) => closedPage({ orderId: payment.order_id, status: payment.status === 'pending' ? 'expired' : payment.status, nonce }));
    send(res, 200, (nonce) => payPage({ paymentId: payment.id, orderId: payment.order_id, amount: Number(payment.amount), nonce }));
  });

  router.post('/:paymentId', sameOriginOnly, express.urlencoded({ extended: false, limit: '8kb' }), async (req, res) => {
    const { payment, open } = await load(req.params.paymentId);
    if (!open) return send(res, 409, (nonce) => closedPage({ orderId: payment.order_id, status: payment.status === 'pending' ? 'expired' : payment.status, nonce }));
    const form: unknown = req.body ?? {};
    const decision: Decision = decide(form, deps.now());
    if ('error' in decision) {
      const method = (form as { method?: unknown }).method === 'card' ? 'card' : 'upi';
      return send(res, 400, (nonce) => payPage({ paymentId: payment.id, orderId: payment.order_id, amount: Number(payment.amount), nonce, error: decision.error, method }));
    }
    const event = signedEvent(
      gateway.secret,
      { paymentId: payment.id, orderId: payment.order_id, amount: Number(payment.amount), method: decision.method, reference: `tp_${crypto.randomBytes(12).toString('base64url')}` },
      decision.outcome,
      deps.now(),
    );
    // The shop learns the outcome from the webhook; the browser comes back only after it was delivered (or queued for retry).
    await deliverEvent(options.webhookUrl ?? ownWebhookUrl(req, gateway.name), event, deps.logger);
    const sig = signReturn(gateway.secret, payment.order_id, payment.id, decision.outcome);
    res.redirect(303, `/checkout/confirmation/${encodeURIComponent(payment.order_id)}?payment=${decision.outcome}&sig=${sig}`);
  });

  return router;
}

/** This server's own webhook URL, on the address the request came in on. */
function ownWebhookUrl(req: Request, provider: string): string {
  let host = req.socket.localAddress ?? '127.0.0.1';
  if (host.startsWith('::ffff:')) host = host.slice('::ffff:'.length);
  if (host.includes(':')) host = `[${host}]`;
  return `http://${host}:${req.socket.localPort}/api/payments/webhook/${provider}`;
}
