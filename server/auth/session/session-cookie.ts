/** The session cookie: `__Host-sf_session`, HttpOnly, Secure, SameSite=Lax, Path=/ (bare `sf_session` on plain-HTTP LAN testing). */
import type { Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';

const ID = /^[A-Za-z0-9_-]{43}$/;

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-sf_session' : 'sf_session';
}

/** The session id a `Cookie` header carries, if it is well formed. */
export function sessionIdOfCookies(header: string | undefined, secure: boolean): string | null {
  if (!header) return null;
  const id = parseCookies(header)[sessionCookieName(secure)];
  return id && ID.test(id) ? id : null;
}

/**
 * A cookie pages may read, saying only that a session was started here, so the shop header can
 * offer "My account" instead of "Login" without asking the server. It carries no secret; a stale
 * one (session expired) just leads to the login page.
 */
export const SIGNED_IN_HINT = 'sf_signed_in';

export function setSessionCookie(res: Response, secure: boolean, id: string, maxAgeMs: number): void {
  const maxAge = Math.floor(maxAgeMs / 1000);
  res.append('Set-Cookie', serialize(sessionCookieName(secure), id, { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge }));
  res.append('Set-Cookie', serialize(SIGNED_IN_HINT, '1', { secure, sameSite: 'lax', path: '/', maxAge }));
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.append('Set-Cookie', serialize(sessionCookieName(secure), '', { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: 0 }));
  res.append('Set-Cookie', serialize(SIGNED_IN_HINT, '', { secure, sameSite: 'lax', path: '/', maxAge: 0 }));
}
