/** The `Idempotency-Key` request header, read and checked the same way by every route that takes one. */
import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../errors/app-error';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The key a request carries in `Idempotency-Key` (a quoted structured-field string is accepted too); required. */
export function readIdempotencyKey(header: string | string[] | undefined): string {
  const key = readOptionalIdempotencyKey(header);
  if (key === null) throw new AppError('idempotency-key-required');
  return key;
}

/** The request's key, or null when it sent none; a malformed key is refused rather than ignored. */
export function readOptionalIdempotencyKey(header: IncomingHttpHeaders[string]): string | null {
  if (header === undefined || header === '') return null;
  if (Array.isArray(header)) throw new AppError('invalid-idempotency-key', { reason: 'sent more than once' });
  const key = /^"(.*)"$/.exec(header)?.[1] ?? header;
  if (!KEY.test(key)) throw new AppError('invalid-idempotency-key');
  return key;
}

/** The fingerprint of a request: the same key with another fingerprint is refused. */
export function requestHash(method: string, path: string, body: unknown): string {
  // The one-shot `crypto.hash`: the same digest, without a Hash object per order.
  return crypto.hash('sha256', `${method} ${path}\n${JSON.stringify(body)}`, 'hex');
}
