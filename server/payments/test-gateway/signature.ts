/**
 * The test gateway's signatures, shaped like the big gateways' test modes:
 * webhooks carry `X-TestPay-Signature: t=<unix seconds>,v1=<hex>`, the HMAC-SHA256 of
 * `<t>.<raw body>` under the shared secret; the browser's return carries the HMAC of
 * `return.<orderId>.<paymentId>.<outcome>`. Both are compared in constant time.
 */
import crypto from 'node:crypto';
import { AppError } from '../../errors/app-error';

export const SIGNATURE_HEADER = 'x-testpay-signature';
/** Webhooks more than this far from the server's clock (either way) are refused. */
export const WEBHOOK_TOLERANCE_S = 300;

function hmacHex(secret: string, message: string | Buffer): string {
  return crypto.createHmac('sha256', secret).update(message).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(a) || !/^[0-9a-f]{64}$/.test(b)) return false;
  return crypto.timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/** The signature header for `rawBody` sent at `timestampS`. */
export function signWebhook(secret: string, rawBody: string | Buffer, timestampS: number): string {
  const payload = Buffer.concat([Buffer.from(`${timestampS}.`), Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody)]);
  return `t=${timestampS},v1=${hmacHex(secret, payload)}`;
}

/** Throws `webhook-signature-invalid` or `webhook-stale` unless `header` signs `rawBody` within the tolerance of `now` (ms). */
export function verifyWebhookSignature(secret: string, rawBody: Buffer, header: string | string[] | undefined, now: number): void {
  if (typeof header !== 'string' || header === '') throw new AppError('webhook-signature-invalid', { reason: 'missing' });
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Several v1 values are allowed, as while a gateway rotates its secret.
    else if (name === 'v1') signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) throw new AppError('webhook-signature-invalid', { reason: 'malformed' });
  const expected = hmacHex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]));
  // The signature first: a stale but forged call learns nothing about our clock.
  if (!signatures.some((signature) => sameHex(signature, expected))) throw new AppError('webhook-signature-invalid', { reason: 'mismatch' });
  if (Math.abs(now / 1000 - timestamp) > WEBHOOK_TOLERANCE_S) throw new AppError('webhook-stale', { toleranceSec: WEBHOOK_TOLERANCE_S });
}

/** The signature of the browser's return to the shop. */
export function signReturn(secret: string, orderId: string, paymentId: string, outcome: string): string {
  return hmacHex(secret, `return.${orderId}.${paymentId}.${outcome}`);
}

/** True when `sig` is the return signature for these values. */
export function returnSignatureMatches(secret: string, orderId: string, paymentId: string, outcome: string, sig: string): boolean {
  return sameHex(sig, signReturn(secret, orderId, paymentId, outcome));
}
