/**
 * A guest's wishlist lives with the browser, in the readable cookie `sf_wishlist` (product ids
 * joined by dots, newest first), so that the login request carries it to the server for the merge.
 */

export const GUEST_WISHLIST_COOKIE = 'sf_wishlist';
export const GUEST_WISHLIST_MAX = 50;
const ID = /^itm[0-9a-f]{13}$/;

/** The ids in a `document.cookie` string. */
export function parseGuestWishlist(cookie: string): string[] {
  const match = new RegExp(`(?:^|;\\s*)${GUEST_WISHLIST_COOKIE}=([^;]*)`).exec(cookie);
  if (!match) return [];
  return [...new Set(match[1]!.split('.').filter((id) => ID.test(id)))].slice(0, GUEST_WISHLIST_MAX);
}

/** The cookie that stores `ids` (or clears it when empty), for `document.cookie`. */
export function guestWishlistCookie(ids: readonly string[], secure: boolean): string {
  const kept = ids.slice(0, GUEST_WISHLIST_MAX);
  const attributes = `; Path=/; SameSite=Lax${secure ? '; Secure' : ''}; Max-Age=${kept.length ? 400 * 24 * 3600 : 0}`;
  return `${GUEST_WISHLIST_COOKIE}=${kept.join('.')}${attributes}`;
}
