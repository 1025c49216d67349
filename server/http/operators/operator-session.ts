/**
 * Operator sessions: the cookie holds `<expiry>.<random id>.<HMAC>` and never the token. The HMAC
 * key is derived from the token, so replacing the token signs every operator out, and instances
 * sharing one OPS_TOKEN accept each other's sessions.
 */
import crypto from 'node:crypto';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const SHAPE = /^(\d{13})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export interface SessionSigner {
  /** A signed session that expires `SESSION_TTL_MS` after `now`. */
  issue(now: number): string;
  /** True when `value` is a session this key signed and it has not expired by `now`. */
  verify(value: string, now: number): boolean;
}

export function createSessionSigner(token: string): SessionSigner {
  const key = crypto.createHmac('sha256', token).update('storefront-lite ops session v1').digest();
  const sign = (body: string): string => crypto.createHmac('sha256', key).update(body).digest('base64url');
  return {
    issue(now) {
      const body = `${now + SESSION_TTL_MS}.${crypto.randomBytes(12).toString('base64url')}`;
      return `${body}.${sign(body)}`;
    },
    verify(value, now) {
      const match = SHAPE.exec(value);
      if (!match) return false;
      const expected = Buffer.from(sign(`${match[1]}.${match[2]}`));
      const given = Buffer.from(match[3]!);
      return crypto.timingSafeEqual(expected, given) && Number(match[1]) > now;
    },
  };
}
