/**
 * The gateway's side of a webhook: builds the signed event and posts it to the shop, retrying a
 * few times with back-off when the shop does not answer 2xx, as real gateways do.
 */
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { WebhookEventBody } from './test-gateway';
import { signWebhook } from './signature';

const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];
const TIMEOUT_MS = 5_000;

/** A signed event, ready to post. */
export interface SignedEvent {
  body: string;
  signature: string;
}

/** The event for a decided payment, signed at `now` (ms). */
export function signedEvent(secret: string, data: WebhookEventBody['data'], outcome: 'paid' | 'failed', now: number): SignedEvent {
  const created = Math.floor(now / 1000);
  const event: WebhookEventBody = { id: `evt_${crypto.randomBytes(12).toString('base64url')}`, type: outcome === 'paid' ? 'payment.succeeded' : 'payment.failed', created, data };
  const body = JSON.stringify(event);
  return { body, signature: signWebhook(secret, body, created) };
}

/** Posts the event once; true on a 2xx (a 409 replay also means the shop has it). */
export async function postEvent(url: string, event: SignedEvent): Promise<boolean> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-testpay-signature': event.signature },
    body: event.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await res.arrayBuffer();
  return res.ok || res.status === 409;
}

/** Delivers the event now; if the shop does not take it, keeps trying in the background. */
export async function deliverEvent(url: string, event: SignedEvent, logger: Logger): Promise<boolean> {
  const attempt = (n: number): Promise<boolean> =>
    postEvent(url, event).catch((err: unknown) => {
      logger.warn({ err, url, attempt: n }, 'test gateway: webhook delivery failed');
      return false;
    });
  if (await attempt(0)) return true;
  let n = 0;
  const retry = (): void => {
    const delay = RETRY_DELAYS_MS[n++];
    if (delay === undefined) return;
    setTimeout(() => void attempt(n).then((ok) => (ok ? undefined : retry())), delay).unref();
  };
  retry();
  return false;
}
