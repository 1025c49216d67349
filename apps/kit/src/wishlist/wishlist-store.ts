/**
 * The shopper's wishlist as the hearts see it: the account's (from `/api/wishlist`) once signed
 * in, else the browser's own (a cookie the login merges into the account). Adding a product is a
 * moment to offer price-drop notifications.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { apiRequest } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { guestWishlistCookie, parseGuestWishlist } from '../push/guest-wishlist';
import { offerPush } from '../push/offer';
import { refreshSubscription } from '../push/push-client';

let ids: ReadonlySet<string> = new Set();
let loading: Promise<void> | null = null;
/** Whether the last read was the account's: a login or sign-out in this page means reading again. */
let loadedSignedIn = false;
const listeners = new Set<() => void>();

function publish(next: Iterable<string>): void {
  ids = new Set(next);
  for (const listener of listeners) listener();
}

const signedIn = (): boolean => /(?:^|;\s*)sf_signed_in=1(?:;|$)/.test(document.cookie);

function writeGuest(next: readonly string[]): void {
  document.cookie = guestWishlistCookie(next, location.protocol === 'https:');
  publish(next);
}

/** Reads the wishlist once per page (the account's, or the browser's). */
function load(): Promise<void> {
  if (loading && loadedSignedIn === signedIn()) return loading;
  loadedSignedIn = signedIn();
  loading = (async () => {
    if (!signedIn()) return publish(parseGuestWishlist(document.cookie));
    try {
      publish((await apiRequest<{ ids: string[] }>('wishlist/ids')).ids);
    } catch {
      // Hearts start empty; a tap still works and says so if it cannot.
      publish(parseGuestWishlist(document.cookie));
    }
  })();
  return loading;
}

/** Adds a product; answers whether it is on the wishlist now. Offers price-drop notifications. */
export async function addToWishlist(productId: string): Promise<boolean> {
  await load();
  if (signedIn()) {
    publish([productId, ...ids]);
    try {
      publish((await apiRequest<{ ids: string[] }>(`wishlist/items/${productId}`, { method: 'PUT' })).ids);
    } catch (error) {
      publish([...ids].filter((id) => id !== productId));
      // Signed out meanwhile: keep it with the browser until the next login.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      writeGuest([productId, ...parseGuestWishlist(document.cookie)]);
    }
  } else {
    writeGuest([productId, ...[...ids].filter((id) => id !== productId)]);
    void refreshSubscription().catch(() => undefined);
  }
  return ids.has(productId);
}

/** Removes a product from the wishlist. */
export async function removeFromWishlist(productId: string): Promise<void> {
  await load();
  const without = [...ids].filter((id) => id !== productId);
  if (signedIn()) {
    publish(without);
    publish((await apiRequest<{ ids: string[] }>(`wishlist/items/${productId}`, { method: 'DELETE' })).ids);
  } else {
    writeGuest(without);
    void refreshSubscription().catch(() => undefined);
  }
}

/** Adds or removes; an add is a moment to offer notifications. */
export async function toggleWishlist(productId: string): Promise<boolean> {
  await load();
  if (ids.has(productId)) {
    await removeFromWishlist(productId);
    return false;
  }
  const added = await addToWishlist(productId);
  if (added) offerPush('wishlist');
  return added;
}

/** Whether `productId` is on the wishlist; false in the shell and until the wishlist is read. */
export function useWishlisted(productId: string): boolean {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => ids.has(productId),
    () => false,
  );
  useEffect(() => void load(), []);
  return value;
}
