/**
 * The push device cookie: a random token set when a browser subscribes, kept HttpOnly; the store
 * holds only its SHA-256. It tells the server which subscription is "this device" (the
 * notifications page), lets a renewed subscription replace the old one, and lets a login claim it.
 */
import crypto from 'node:crypto';
import { hashToken } from '../http/token-hash';
import type { Request, Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';

const MAX_AGE_S = 400 * 24 * 3600;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** `__Host-` requires Secure; plain-HTTP LAN testing (INSECURE_COOKIES=1) uses the bare name. */
export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-sf_push' : 'sf_push';
}

/** SHA-256 of the request's device token, or null when it has none. */
export function readDeviceHash(req: Request, secure: boolean): string | null {
  const header = req.headers.cookie;
  const token = header ? parseCookies(header)[deviceCookieName(secure)] : undefined;
  return token && TOKEN.test(token) ? hashToken(token) : null;
}

/** The request's device hash, or a new device token set on the response and its hash. */
export function ensureDeviceHash(req: Request, res: Response, secure: boolean): string {
  const known = readDeviceHash(req, secure);
  if (known) return known;
  const token = crypto.randomBytes(32).toString('base64url');
  res.append('Set-Cookie', serialize(deviceCookieName(secure), token, { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: MAX_AGE_S }));
  return hashToken(token);
}

