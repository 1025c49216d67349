/**
 * The guest cart cookie: a random 256-bit token the browser keeps; the server stores only its
 * SHA-256, so a leaked database cannot be replayed as cookies.
 */
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';

const MAX_AGE_S = 60 * 60 * 24 * 30;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** `__Host-` requires Secure; plain-HTTP LAN testing (INSECURE_COOKIES=1) uses the bare name. */
export function guestCookieName(secure: boolean): string {
  return secure ? '__Host-sf_cart' : 'sf_cart';
}

/** The guest token the request carries, if it is well formed. */
export function readGuestToken(req: Request, secure: boolean): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const token = parseCookies(header)[guestCookieName(secure)];
  return token && TOKEN.test(token) ? token : null;
}

/** A fresh token, set on the response. */
export function issueGuestToken(res: Response, secure: boolean): string {
  const token = crypto.randomBytes(32).toString('base64url');
  res.append(
    'Set-Cookie',
    serialize(guestCookieName(secure), token, { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: MAX_AGE_S }),
  );
  return token;
}
