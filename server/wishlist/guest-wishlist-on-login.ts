/** The login hook that merges the browser's guest wishlist into the account that just signed in. */
import type { LoginHook } from '../auth/session/login-hooks';
import type { ServerDeps } from '../deps';
import { clearGuestWishlist, readGuestWishlist } from './guest-wishlist-cookie';
import type { WishlistAddHook } from './routes';
import { addToWishlist } from './wishlist-store';

/** Merges the guest wishlist (if the browser has one), runs the add hooks, and drops the cookie. */
export function mergeGuestWishlistOnLogin(deps: ServerDeps, onAdd: readonly WishlistAddHook[] = []): LoginHook {
  return async (req, res, account) => {
    const ids = readGuestWishlist(req);
    if (ids.length === 0) return;
    const added = await addToWishlist(deps.store.db, account.id, ids, deps.now(), true);
    for (const hook of onAdd) await hook(account.id, added);
    clearGuestWishlist(res);
  };
}
