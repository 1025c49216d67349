/**
 * The browser's device cookie: a random 256-bit id that ties a one-time code, and the failures
 * made with it, to the browser that asked for the code. The server keeps only its SHA-256.
 * `__Host-sf_device` (HttpOnly, Secure, SameSite=Lax, Path=/, one year); bare `sf_device` on
 * plain-HTTP LAN testing.
 */
import crypto from 'node:crypto';
import { hashToken } from '../../http/token-hash';
import type { Request, Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';

const ID = /^[A-Za-z0-9_-]{43}$/;
const MAX_AGE_S = 365 * 24 * 3600;
/** Stands for a request without a device cookie: such a request never owns a code. */
export const NO_DEVICE = 'none';

const issued = new WeakMap<Request, string>();

export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-sf_device' : 'sf_device';
}


/** The hash of the browser's device id, or `NO_DEVICE` when it sent none (or a malformed one). */
export function deviceOf(req: Request, secure: boolean): string {
  const fresh = issued.get(req);
  if (fresh) return hashToken(fresh);
  const header = req.headers.cookie;
  const id = header ? parseCookies(header)[deviceCookieName(secure)] : undefined;
  return id && ID.test(id) ? hashToken(id) : NO_DEVICE;
}

/** The browser's device hash; a browser without a device id is given one (set on `res`). */
export function ensureDevice(req: Request, res: Response, secure: boolean): string {
  const known = deviceOf(req, secure);
  if (known !== NO_DEVICE) return known;
  const id = crypto.randomBytes(32).toString('base64url');
  res.append('Set-Cookie', serialize(deviceCookieName(secure), id, { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: MAX_AGE_S }));
  issued.set(req, id);
  return hashToken(id);
}
