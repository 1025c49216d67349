/** The login hook that moves the browser's guest cart into the account that just signed in. */
import { serialize } from 'cookie';
import type { LoginHook } from '../auth/session/login-hooks';
import type { ServerDeps } from '../deps';
import { mergeGuestCart } from './cart-merge';
import { hashToken } from '../http/token-hash';
import { guestCookieName, readGuestToken } from './guest-cookie';

/** Merges the guest cart (if the browser has one) and drops its cookie. */
export function mergeGuestCartOnLogin(deps: ServerDeps): LoginHook {
  const secure = deps.config.secureCookies;
  return async (req, res, account) => {
    const guestToken = readGuestToken(req, secure);
    if (!guestToken) return;
    await mergeGuestCart(deps.store.db, hashToken(guestToken), account.id, deps.now());
    // The guest cart is gone; after sign-out the browser starts a fresh one.
    res.append('Set-Cookie', serialize(guestCookieName(secure), '', { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: 0 }));
  };
}
