/**
 * The number of items in the cart, shared by the header badge and whatever changes the cart.
 * Fetched once after the first badge mounts; every cart answer the app receives updates it.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { apiRequest } from '../api/api-client';
import type { Cart } from '../../../../shared/api-types';

let count: number | null = null;
let requested = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setCount(next: number): void {
  count = next;
  for (const listener of listeners) listener();
}

/** Tells the badge about a cart the API just answered with. */
export function publishCart(cart: Cart): void {
  setCount(cart.summary.itemCount);
}

/** Items in the cart, or `null` while unknown (the shell, or before the cart answers). */
export function useCartCount(): number | null {
  // The server snapshot is null so that hydration matches the shell, which knows no cart.
  const value = useSyncExternalStore(subscribe, () => count, () => null);
  useEffect(() => {
    if (requested) return;
    requested = true;
    apiRequest<Cart>('cart').then(publishCart, () => {
      // A badge is not worth an error message; let a later view try again.
      requested = false;
    });
  }, []);
  return value;
}
