/**
 * A guest's wishlist lives with the browser: the kit keeps it in the readable cookie
 * `sf_wishlist` (product ids joined by dots), so it needs no server state until the shopper signs
 * in, and the login request carries it here to be merged.
 */
import type { Request, Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';
import { PRODUCT_ID_PATTERN } from '../catalog/http/query-schemas';

export const GUEST_WISHLIST_COOKIE = 'sf_wishlist';
/** The kit keeps at most this many ids in the cookie (about 850 bytes). */
export const GUEST_WISHLIST_MAX = 50;

/** The well-formed product ids of the request's guest wishlist, newest first. */
export function readGuestWishlist(req: Request): string[] {
  const header = req.headers.cookie;
  if (!header) return [];
  const value = parseCookies(header)[GUEST_WISHLIST_COOKIE];
  if (!value) return [];
  const ids = value.split('.').filter((id) => PRODUCT_ID_PATTERN.test(id));
  return [...new Set(ids)].slice(0, GUEST_WISHLIST_MAX);
}

/** Drops the guest wishlist cookie: after a merge the account's wishlist is the one. */
export function clearGuestWishlist(res: Response): void {
  res.append('Set-Cookie', serialize(GUEST_WISHLIST_COOKIE, '', { path: '/', sameSite: 'lax', maxAge: 0 }));
}
